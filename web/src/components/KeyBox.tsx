// The API key for writes: entered once, kept for the tab (sessionStorage), sent as a bearer token.
import { useState } from "react";
import { apiKey } from "../api";

export function KeyBox() {
  const [saved, setSaved] = useState(Boolean(apiKey.get()));
  const [value, setValue] = useState("");
  if (saved)
    return (
      <div className="keybox">
        <span>API key set for this tab</span>{" "}
        <button
          type="button"
          onClick={() => {
            apiKey.clear();
            setSaved(false);
          }}
        >
          Forget key
        </button>
      </div>
    );
  return (
    <form
      className="keybox"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return;
        apiKey.set(value.trim());
        setValue("");
        setSaved(true);
        window.dispatchEvent(new Event("umr-key"));
      }}
    >
      <label htmlFor="api-key">API key</label>{" "}
      <input id="api-key" type="password" autoComplete="off" placeholder="umr_…" value={value} onChange={(e) => setValue(e.target.value)} />{" "}
      <button type="submit">Use key</button>
    </form>
  );
}
