// Question wording without the markup survey tools' rich-text editors write into exported
// headers. Its own module, with no imports, so that the page can show clean column names without
// taking detect.ts into its bundle.

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Question wording as a reader sees it. Survey tools' rich-text editors (Qualtrics above all) put
 * markup into the exported question text: "<span style=...><strong>Who do you go to</strong> in
 * times of need?</span>", "describes&nbsp;you". Tags go, entities are decoded; text such as
 * "<5 years" is not a tag and stays.
 */
export function plainWording(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return spacedWords(text);
  const plain = text
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, ' ')
    .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return spacedWords(plain);
}

/** A header that is one identifier: letters and digits, words joined by case or a single "_". */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

/**
 * Wording written as an internal field name, its words run together (Cognito Forms' headers
 * "WhoDoYouTrust", "WhereDoYouGetYourInformationAboutTheArea"; "who_do_you_trust"), spaced:
 * "Who Do You Trust". Only an identifier of three words or more is split, so names and short
 * headers ("McDonald", "iPhone", "NodeID", "LastName", "record_id", REDCap's "need___1") stay
 * as written; capitals in a row stay one word ("ResponseID", "GPSurgery": "GP Surgery").
 */
export function spacedWords(text: string): string {
  const t = text.trim();
  if (!IDENTIFIER.test(t)) return text;
  const words = t.split('_').flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/));
  return words.length >= 3 ? words.join(' ') : text;
}
