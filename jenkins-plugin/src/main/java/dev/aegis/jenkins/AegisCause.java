package dev.aegis.jenkins;

import hudson.model.Cause;

/** Why a worker build started: "Started by Aegis: plan #42". */
public final class AegisCause extends Cause {
  private final String work;

  public AegisCause(String work) {
    this.work = work;
  }

  public String getWork() {
    return work;
  }

  @Override
  public String getShortDescription() {
    return "Started by Aegis: " + work;
  }
}
