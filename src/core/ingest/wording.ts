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
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
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
}
