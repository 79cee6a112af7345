/**
 * DOM building for the site. Every piece of data becomes a text node or a property value: nothing is ever parsed
 * as HTML, so model output shows as inert text. Links may only point inside the page (`#...`).
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly id?: string;
  readonly title?: string;
  /** In-page links only: must start with '#'. */
  readonly href?: string;
  readonly type?: string;
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
  readonly disabled?: boolean;
  readonly selected?: boolean;
  readonly colSpan?: number;
  readonly open?: boolean;
  readonly ariaLabel?: string;
  readonly dataset?: Readonly<Record<string, string>>;
  readonly onClick?: (event: MouseEvent) => void;
  readonly onChange?: (event: Event) => void;
  readonly onInput?: (event: Event) => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.id !== undefined) node.id = props.id;
  if (props.title !== undefined) node.title = props.title;
  if (props.href !== undefined) {
    if (!props.href.startsWith('#')) throw new Error('links must stay inside the page');
    node.setAttribute('href', props.href);
  }
  if (props.type !== undefined) node.setAttribute('type', props.type);
  if (props.min !== undefined) node.setAttribute('min', props.min);
  if (props.max !== undefined) node.setAttribute('max', props.max);
  if (props.value !== undefined && (node instanceof HTMLInputElement || node instanceof HTMLOptionElement || node instanceof HTMLSelectElement)) node.value = props.value;
  if (props.disabled !== undefined && (node instanceof HTMLButtonElement || node instanceof HTMLSelectElement || node instanceof HTMLInputElement)) node.disabled = props.disabled;
  if (props.selected !== undefined && node instanceof HTMLOptionElement) node.selected = props.selected;
  if (props.colSpan !== undefined && node instanceof HTMLTableCellElement) node.colSpan = props.colSpan;
  if (props.open !== undefined && node instanceof HTMLDetailsElement) node.open = props.open;
  if (props.ariaLabel !== undefined) node.setAttribute('aria-label', props.ariaLabel);
  for (const [k, v] of Object.entries(props.dataset ?? {})) node.dataset[k] = v;
  if (props.onClick) node.addEventListener('click', props.onClick as EventListener);
  if (props.onChange) node.addEventListener('change', props.onChange);
  if (props.onInput) node.addEventListener('input', props.onInput);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces a node's children. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** A select box; `onPick` gets the chosen value. */
export function select(label: string, options: readonly { value: string; text: string }[], current: string, onPick: (value: string) => void, id?: string): HTMLLabelElement {
  const box = el(
    'select',
    { ...(id !== undefined ? { id } : {}), ariaLabel: label, onChange: (e) => onPick((e.target as HTMLSelectElement).value) },
    ...options.map((o) => el('option', { value: o.value, selected: o.value === current }, o.text)),
  );
  return el('label', { class: 'control' }, `${label} `, box);
}

/** A block of raw text (model output, JSON) shown verbatim. */
export function pre(text: string, cls = 'raw'): HTMLPreElement {
  return el('pre', { class: cls }, text);
}

/** A horizontal bar filled to `fraction` (0..1), styled through the CSSOM (allowed by the page's policy). */
export function bar(fraction: number, cls = 'bar'): HTMLDivElement {
  const fill = el('div', { class: 'fill' });
  fill.style.width = `${Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * 100}%`;
  return el('div', { class: cls }, fill);
}
