package net.sf.json;

/** Mirror of {@code net.sf.json.JSONObject} (json-lib 2.4-jenkins); only the type is used. */
public final class JSONObject {
  private JSONObject() {}
}
