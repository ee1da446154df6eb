// Deep links: every view is a URL (history API); reloading a URL shows the same view, because the
// server answers every explorer path with the same page.
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener("popstate", on);
    return () => window.removeEventListener("popstate", on);
  }, []);
  return loc;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={go} {...rest} />;
}

export const paths = {
  search: (text?: string) => (text ? `/?q=${encodeURIComponent(text)}` : "/"),
  asset: (key: string) => `/assets/${encodeURIComponent(key)}`,
  blastRadius: (key: string) => `/assets/${encodeURIComponent(key)}/blast-radius`,
  advisories: () => "/advisories",
  advisory: (id: string) => `/advisories/${encodeURIComponent(id)}`,
  audit: () => "/audit",
};

export type Route =
  | { view: "search" }
  | { view: "asset"; key: string }
  | { view: "blast-radius"; key: string }
  | { view: "advisories" }
  | { view: "advisory"; id: string }
  | { view: "audit" }
  | { view: "not-found" };

export function route(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { view: "search" };
  if (parts[0] === "assets" && parts.length === 2) return { view: "asset", key: parts[1]! };
  if (parts[0] === "assets" && parts.length === 3 && parts[2] === "blast-radius") return { view: "blast-radius", key: parts[1]! };
  if (parts[0] === "advisories" && parts.length === 1) return { view: "advisories" };
  if (parts[0] === "advisories" && parts.length === 2) return { view: "advisory", id: parts[1]! };
  if (parts[0] === "audit" && parts.length === 1) return { view: "audit" };
  return { view: "not-found" };
}
