/** Escaping and dates as the imitated publishers print them. */

export function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

const EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const RU = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
const UK = [
  "січня",
  "лютого",
  "березня",
  "квітня",
  "травня",
  "червня",
  "липня",
  "серпня",
  "вересня",
  "жовтня",
  "листопада",
  "грудня",
];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** "13 April 2022" (en), "13 апреля 2022" (ru), "13 квітня 2022" (uk). */
export function dayMonthYear(iso: string, language: string): string {
  const [y, m, d] = parts(iso);
  const months = language === "ru" ? RU : language === "uk" ? UK : EN;
  return `${d} ${months[m - 1]} ${y}`;
}

/** "April 13, 2022". */
export function monthDayYear(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${EN[m - 1]} ${d}, ${y}`;
}

/** "13.04.2022". */
export function numericDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whether US Eastern time is on daylight saving on that date (second Sunday of March to first of November). */
export function easternDaylight(iso: string): boolean {
  const [y, m, d] = parts(iso);
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (n - 1);
  };
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  if (m === 3) return d >= nthSunday(3, 2);
  return d < nthSunday(11, 1);
}
