import { fmprc } from "./fmprc.js";
import { generic } from "./generic.js";
import { kremlinRu } from "./kremlin-ru.js";
import { midRu } from "./mid-ru.js";
import { presidentUa } from "./president-ua.js";
import { hostOf, type PublisherProfile } from "./profile.js";
import { unGeneralDebate } from "./un.js";
import { whitehouse } from "./whitehouse.js";

/** Every known publisher; order matters only for HTML detection without a URL. */
export const PROFILES: readonly PublisherProfile[] = [
  midRu,
  kremlinRu,
  whitehouse,
  unGeneralDebate,
  presidentUa,
  fmprc,
];

export { fmprc, generic, kremlinRu, midRu, presidentUa, unGeneralDebate, whitehouse };

/** The profile whose hosts include the URL's host (or a parent domain of it). */
export function profileForUrl(url: string | null): PublisherProfile | null {
  const host = hostOf(url);
  if (!host) return null;
  return PROFILES.find((p) => p.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}

export function profileById(id: string): PublisherProfile {
  return PROFILES.find((p) => p.id === id) ?? generic;
}
