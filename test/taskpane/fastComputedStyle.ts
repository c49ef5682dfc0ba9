/**
 * jsdom recomputes the cascade over every CSS rule on each getComputedStyle call, and Fluent
 * (Griffel) inserts hundreds of rules: Fluent's popup positioning and Testing Library's
 * visibility checks then make each Dropdown/Combobox interaction take seconds. This memoises
 * getComputedStyle per element and drops the whole cache on any DOM or stylesheet change
 * (a MutationObserver, plus a check of the number of CSS rules), so results stay those jsdom
 * would give once the change has been observed.
 */
export function installFastComputedStyle(): void {
  const original = window.getComputedStyle.bind(window);
  let cache = new WeakMap<Element, CSSStyleDeclaration>();
  let ruleCount = -1;
  const countRules = () => {
    let n = 0;
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        n += sheet.cssRules.length;
      } catch {
        // cross-origin sheets cannot be read; jsdom has none
      }
    }
    return n;
  };
  new MutationObserver(() => {
    cache = new WeakMap();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.getComputedStyle = (element: Element, pseudo?: string | null) => {
    if (pseudo) return original(element, pseudo);
    const rules = countRules();
    if (rules !== ruleCount) {
      ruleCount = rules;
      cache = new WeakMap();
    }
    let style = cache.get(element);
    if (!style) {
      style = original(element);
      cache.set(element, style);
    }
    return style;
  };
}
