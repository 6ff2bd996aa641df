package dev.aegis.jenkins;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;

/** Turns plain {@link Check}s into Jenkins form validation; keeps descriptor methods one line each. */
final class FormChecks {
  private FormChecks() {}

  static FormValidation toValidation(Check check) {
    return switch (check.kind()) {
      case OK -> FormValidation.ok();
      case WARNING -> FormValidation.warning(check.message());
      case ERROR -> FormValidation.error(check.message());
    };
  }

  /** Keeps a saved id selectable even when the user cannot list it (so saving the form does not drop it). */
  static void keepCurrent(ListBoxModel items, String current) {
    String id = Text.blankToNull(current);
    if (id != null && items.size() == 1) {
      items.add(id, id);
    }
  }
}
