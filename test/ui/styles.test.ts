import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineCssImports } from '../../vite.config';

// The stylesheet as it ships (dist/styles.css): the entry with its parts inlined.
const css = inlineCssImports(fileURLToPath(new URL('../../src/ui/styles.css', import.meta.url)));
const declarations = css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .split(/[;{}]/)
  .map((part) => part.trim())
  .filter((part) => /^[a-z-]+\s*:/.test(part));

// Shapes, not theme (none today: the show-password eye is an inline SVG).
const SHAPES: string[] = [];

describe('styles.css', () => {
  it('ships as one file: every part is inlined, no @import is left', () => {
    expect(css).not.toMatch(/@import/);
    expect(css).toContain('.crk-field__dial-code');
  });

  it('declares its theme as custom properties in a cascade layer at specificity 0, so any app rule overrides it', () => {
    expect(css).toMatch(/@layer crk-theme \{\s*:where\(\.crk-authenticator\) \{\s*color-scheme: light dark;\s*--crk-color-background:/);
  });

  it('writes the dark palette once (light-dark()), chosen by data-theme on the root or an ancestor, else the OS', () => {
    const tokens = css.slice(css.indexOf('@layer crk-theme'), css.indexOf('@supports not'));
    expect(tokens.match(/--crk-color-text:/g)).toHaveLength(1);
    expect(tokens).toContain('--crk-color-text: light-dark(#1f2328, #e6edf3);');
    expect(css).not.toContain('prefers-color-scheme');
    expect(rule(":where(.crk-authenticator[data-theme='dark'], [data-theme='dark'] .crk-authenticator:not([data-theme]))")).toContain('color-scheme: dark;');
    expect(rule(":where(.crk-authenticator[data-theme='light'], [data-theme='light'] .crk-authenticator:not([data-theme]))")).toContain('color-scheme: light;');
  });

  it('scopes every component rule under the root class, unlayered (host element and role rules lose)', () => {
    const components = css.slice(css.indexOf('@supports not')).replace(/@supports not[\s\S]*?\n\}\n/, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const selectors = components.split(/\{[^{}]*\}/).flatMap((chunk) => chunk.replace(/@media[^{]*\{/g, '').split(',')).map((selector) => selector.replace(/^[\s}]+/, '').trim()).filter(Boolean);
    expect(selectors.length).toBeGreaterThan(50);
    expect(selectors.filter((selector) => !/^\.crk-authenticator(?![\w-])/.test(selector))).toEqual([]);
  });

  it('uses no literal colour, radius or font outside the custom properties', () => {
    const literal = declarations.filter(
      (declaration) =>
        !declaration.startsWith('--') &&
        (/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i.test(declaration) || (/^(border-radius|font-family)\s*:(?!.*var\()/.test(declaration) && !SHAPES.includes(declaration))),
    );
    expect(literal).toEqual([]);
  });

  /** The declarations of the first rule whose selector list is exactly `selector`. */
  function rule(selector: string): string {
    const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`).exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
    if (!match) throw new Error(`no rule ${selector}`);
    return match[1]!;
  }

  it('gives the card one width on every screen (the theme token), fluid below it', () => {
    const card = rule('.crk-authenticator .crk-authenticator__card');
    expect(card).toMatch(/width: min\(var\(--crk-card-width\), 100vw - .+\);/);
    expect(card).toContain('max-width: 100%;');
  });

  it('rings keyboard focus only: the heading focused by script has no :focus rule of its own', () => {
    expect(css).not.toMatch(/\.crk-heading:focus\s*[,{]/);
    expect(rule('.crk-authenticator :focus-visible')).toContain('outline: 3px solid var(--crk-color-focus);');
  });

  it('rings the input and its joined toggle inside their own box, so neither hides the other\'s ring', () => {
    expect(rule('.crk-authenticator .crk-field__input:focus-visible,\n.crk-authenticator .crk-field__toggle:focus-visible,\n.crk-authenticator .crk-field__dial-code:focus-visible')).toContain('outline-offset: -3px;');
    expect(css).not.toContain('border-radius: 50%');
  });

  it('keeps tab labels on one line, each tab growing from its label', () => {
    const tab = rule('.crk-authenticator .crk-tabs__tab');
    expect(tab).toContain('flex: 1 1 auto;');
    expect(tab).toContain('white-space: nowrap;');
  });

  it("rings focus and fills radios in the theme's brand colour", () => {
    expect(css).toContain('--crk-color-focus: var(--crk-color-brand);');
    expect(css).toContain('accent-color: var(--crk-color-brand);');
    expect(css.match(/--crk-color-focus:/g)).toHaveLength(1);
  });
});
