// The demo page: F1 and F3 as paper-like HTML forms, validated as you type by the web build
// of liaison. The page decides nothing: it assembles the form's JSON document from the
// inputs, asks `validateForm`, and shows each error's `message_zh` where its `loc` points.
// Labels come from `formFields`, choices from `formSchema`, so they cannot drift from the
// core. Nothing typed here leaves the page, and nothing is logged.
import init, { validateForm, redact, formFields, formSchema } from '../pkg/web-forms/index.js';

/** Text of the summary line: nothing red until a message is shown. */
const SUMMARY = {
  valid: '可以提交',
  invalid: (n) => `共 ${n} 处需要修改`,
  pending: '逐项填写，填写时即时校验；带 * 的为必填项',
};

/** Numbers in the document: `integer`, `money` and `area` fields are sent as JSON numbers. */
const NUMERIC_KINDS = new Set(['integer', 'money', 'area']);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** The rows the paper prints for the household members of F3. */
const MEMBER_ROWS = 5;

// ---------------------------------------------------------------------------------------
// Dates as clerks type them

const FULL_WIDTH = { '／': '/', '－': '-', '．': '.', '。': '.' };

/**
 * A date as clerks type it — `2009/1/5`, `2009.1.5`, `2009-1-5`, `2009年1月5日`, full-width
 * digits — as ISO `2009-01-05`; null when the text is not a day of the calendar (then it
 * stays as typed and the core says what is wrong with it). The page changes the notation
 * only, as the paper would be read; the core still judges the date.
 */
function isoDate(text) {
  const ascii = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[／－．。]/g, (c) => FULL_WIDTH[c]);
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(ascii);
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------
// Paths

/** A place (`["members", 2, "age"]`) as a path: `members[2].age`; `` for the document. */
function pathOf(loc) {
  return loc.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** The path one level up: `a.b` → `a`, `a[2].b` → `a[2]`, `a[2]` → `a`, `a` → ``. */
function parentPath(path) {
  const m = /^(.*)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] : '';
}

/** Sets `value` at a dotted path in `doc`, making the objects on the way. */
function setPath(doc, path, value) {
  const keys = path.split('.');
  let at = doc;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key];
  }
  at[keys[keys.length - 1]] = value;
}

/** A copy of `value` with the keys of every object in the order of `like` (the typed document). */
function inOrderOf(value, like) {
  if (Array.isArray(value)) return value.map((v, i) => inOrderOf(v, Array.isArray(like) ? like[i] : undefined));
  if (value === null || typeof value !== 'object') return value;
  const order = like && typeof like === 'object' ? Object.keys(like) : [];
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, inOrderOf(value[k], like ? like[k] : undefined)]));
}

// ---------------------------------------------------------------------------------------
// One form

class PaperForm {
  constructor(form) {
    this.form = form;
    this.kind = form.dataset.kind;
    this.fields = new Map(formFields(this.kind).map((f) => [f.path, f]));
    this.schema = formSchema(this.kind);
    this.submitted = false;
    this.nextId = 0;
    this.summary = form.querySelector('[data-summary]');
    this.result = form.querySelector('[data-result]');
    this.formErrors = form.querySelector('[data-form-errors]');

    form.querySelector('[data-form-title]').textContent = this.schema.title;
    this.copyMemberRows();
    this.fillLabels(form);
    this.fillChoices(form);
    this.wireLists();
    form.addEventListener('input', (e) => this.touched(e.target));
    form.addEventListener('change', (e) => this.touched(e.target));
    form.addEventListener('focusout', (e) => this.normaliseDate(e.target));
    form.addEventListener('submit', (e) => this.submit(e));
    form.addEventListener('reset', () => setTimeout(() => this.reset()));
    this.checkBindings();
    this.update();
  }

  // ---- building the page from the core's field list ----

  /** Label the field of a path by its Chinese label on the paper form. */
  label(path) {
    const field = this.fields.get(path);
    if (!field) throw new Error(`${this.kind}: the page names ${path}, which is not a field of the form`);
    return field.label_zh;
  }

  /** Fills every `[data-label]` under `root` and links labels to their inputs. */
  fillLabels(root) {
    for (const el of root.querySelectorAll('[data-label]')) {
      const path = el.dataset.label;
      el.textContent = this.label(path);
      const field = this.fields.get(path);
      el.classList.toggle('req', field.required && field.kind !== 'object');
      if (el.tagName === 'LABEL' && !el.htmlFor) {
        const scope = el.closest('[data-list], tr, .inline, p') || root;
        const input = scope.querySelector(`[name="${path}"]`);
        if (input && input.type !== 'radio') el.htmlFor = this.idOf(input);
      }
    }
  }

  idOf(el) {
    if (!el.id) el.id = `${this.form.id}-in-${this.nextId++}`;
    return el.id;
  }

  /** The accepted names of a choice field and their labels (`oneOf` of const and title), from the schema. */
  choices(path) {
    let node = this.schema;
    for (const key of path.split('.')) {
      const list = key.endsWith('[]');
      node = node.properties[list ? key.slice(0, -2) : key];
      if (list) node = node.items;
    }
    return node.oneOf.map((choice) => [choice.const, choice.title]);
  }

  /** Options of the selects and labels of the radio buttons, from the schema. */
  fillChoices(root) {
    for (const select of root.querySelectorAll('select[name]')) {
      select.replaceChildren(new Option('', ''));
      for (const [value, label] of this.choices(select.name)) select.append(new Option(label, value));
    }
    const groups = new Set([...root.querySelectorAll('input[type=radio][name]')].map((r) => r.name));
    for (const name of groups) {
      const choices = new Map(this.choices(name));
      const radios = [...root.querySelectorAll(`input[type=radio][name="${name}"]`)];
      for (const radio of radios) {
        if (!choices.has(radio.value)) throw new Error(`${this.kind}: ${radio.value} is not a choice of ${name}`);
        radio.closest('label').querySelector('[data-choice-label]').textContent = choices.get(radio.value);
      }
      const missing = [...choices.keys()].filter((v) => !radios.some((r) => r.value === v));
      if (missing.length) throw new Error(`${this.kind}: no radio button for ${missing.join(', ')}`);
    }
  }

  /** F3 prints five member rows: copies of the first. */
  copyMemberRows() {
    const first = this.form.querySelector('tr[data-list="members"]');
    if (!first) return;
    for (let i = 1; i < MEMBER_ROWS; i++) {
      const row = first.cloneNode(true);
      row.querySelector('th.group').remove();
      first.parentNode.insertBefore(row, first.parentNode.querySelector('tr.group-err'));
    }
  }

  /** The buttons that add and remove the members working away. */
  wireLists() {
    const add = this.form.querySelector('[data-add]');
    if (!add) return;
    const list = add.dataset.add;
    const flag = this.form.querySelector('[name="has_away_members"]');
    add.addEventListener('click', () => {
      this.addRow(list);
      this.update();
    });
    flag.addEventListener('change', () => {
      add.hidden = !flag.checked;
      if (flag.checked && this.rows(list).length === 0) this.addRow(list);
      for (const row of this.form.querySelectorAll(`[data-list="${list}"]`)) row.hidden = !flag.checked;
      this.update();
    });
    this.form.addEventListener('click', (e) => {
      const remove = e.target.closest('[data-remove]');
      if (!remove) return;
      remove.closest(`[data-list="${list}"]`).remove();
      this.update();
    });
  }

  addRow(list) {
    const template = this.form.querySelector(`template[data-row-template="${list}"]`);
    const row = template.content.firstElementChild.cloneNode(true);
    this.fillLabels(row);
    this.fillChoices(row);
    const rows = this.form.querySelectorAll(`[data-list="${list}"]`);
    const after = rows.length ? rows[rows.length - 1] : this.form.querySelector('tbody.away-head');
    after.after(row);
  }

  /** The visible rows of a list, in order. */
  rows(list) {
    return [...this.form.querySelectorAll(`[data-list="${list}"]`)].filter((r) => !r.hidden);
  }

  /** Every field of the form has an input and every input is a field; the test reads this. */
  checkBindings() {
    const names = new Set([...this.form.querySelectorAll('[name]')].map((el) => el.name));
    const template = this.form.querySelector('template');
    if (template) for (const el of template.content.querySelectorAll('[name]')) names.add(el.name);
    const unbound = [...this.fields.values()]
      .filter((f) => f.kind !== 'object' && f.kind !== 'list' && !names.has(f.path))
      .map((f) => f.path);
    const unknown = [...names].filter((n) => !this.fields.has(n));
    this.form.dataset.unbound = unbound.join(' ');
    if (unbound.length || unknown.length) {
      throw new Error(`${this.kind}: fields without an input: ${unbound.join(', ') || 'none'}; inputs that are not fields: ${unknown.join(', ') || 'none'}`);
    }
  }

  // ---- the document ----

  /** The value of one input as JSON, `undefined` when empty. */
  valueOf(el, path) {
    if (el.type === 'radio') return el.checked ? el.value : undefined;
    if (el.type === 'checkbox') return el.checked ? true : undefined;
    const text = el.value;
    if (text === '') return undefined;
    const kind = this.fields.get(path)?.kind;
    // A number typed as a number is sent as one; anything else as typed, for the core to judge.
    if (NUMERIC_KINDS.has(kind) && NUMBER_TEXT.test(text)) return Number(text);
    return text;
  }

  /** The form's JSON document, with snake_case keys, from the inputs as they are now. */
  document() {
    const doc = {};
    for (const el of this.form.elements) {
      if (!el.name || el.closest('[data-list]')) continue;
      const value = this.valueOf(el, el.name);
      if (value !== undefined) setPath(doc, el.name, value);
    }
    for (const list of new Set([...this.form.querySelectorAll('[data-list]')].map((r) => r.dataset.list))) {
      const items = [];
      for (const row of this.form.querySelectorAll(`[data-list="${list}"]`)) {
        row.dataset.index = '';
        if (row.hidden) continue;
        const item = {};
        for (const el of row.querySelectorAll('[name]')) {
          const value = this.valueOf(el, el.name);
          if (value !== undefined) setPath(item, el.name.slice(list.length + 3), value);
        }
        // An empty printed row is not a member; an added row always is.
        if (Object.keys(item).length === 0 && !('keepEmpty' in row.dataset)) continue;
        row.dataset.index = String(items.length);
        const number = row.querySelector('[data-row-number]');
        if (number) number.textContent = `外出人员 ${items.length + 1}`;
        items.push(item);
      }
      if (items.length) doc[list] = items;
    }
    return doc;
  }

  // ---- errors ----

  /** The element that shows the errors of `path`, or null for the form's own list. */
  slot(path) {
    for (let p = path; p; p = parentPath(p)) {
      const m = /^([a-z_]+)\[(\d+)\](?:\.(.+))?$/.exec(p);
      if (m) {
        const row = this.form.querySelector(`[data-list="${m[1]}"][data-index="${m[2]}"]`);
        const found = row && m[3] ? row.querySelector(`[data-slot~="${m[1]}[].${m[3]}"]`) : null;
        if (found) return found;
        continue;
      }
      // A plain path is never the name of a slot in a row (those have `[]`).
      const found = this.form.querySelector(`[data-slot~="${p}"]`);
      if (found) return found;
    }
    return null;
  }

  /** Whether the errors of a slot are shown: once it or its group was touched, or after a submit. */
  shows(slot) {
    if (this.submitted || slot.dataset.touched) return true;
    const group = slot.closest('[data-touch-group]');
    return Boolean(group && group.dataset.touched);
  }

  /** A date field left with `2009/1/5` in it reads `2009-01-05`. */
  normaliseDate(el) {
    if (!el.name || this.fields.get(el.name)?.kind !== 'date' || el.value === '') return;
    const iso = isoDate(el.value);
    if (iso === null || iso === el.value) return;
    el.value = iso;
    this.touched(el);
  }

  touched(el) {
    if (!el.name) return;
    const slot = el.closest('[data-slot]');
    if (slot) slot.dataset.touched = '1';
    for (let g = el.closest('[data-touch-group]'); g; g = g.parentElement.closest('[data-touch-group]')) {
      g.dataset.touched = '1';
    }
    this.result.hidden = true;
    this.update();
  }

  /** The message element of a slot (made on first use). */
  errorElement(slot) {
    if (!slot.errorElement) {
      const el = document.createElement('span');
      el.className = 'err';
      el.id = `${this.form.id}-err-${this.nextId++}`;
      const host = slot.dataset.errIn ? document.getElementById(slot.dataset.errIn) : slot;
      host.append(el);
      slot.errorElement = el;
    }
    return slot.errorElement;
  }

  /** The inputs a slot's errors are about. */
  controlsOf(slot) {
    const names = slot.dataset.slot.split(' ');
    const scope = slot.closest('[data-list]') || this.form;
    return [...scope.querySelectorAll('[name]')].filter((el) => names.includes(el.name));
  }

  /** Validates the document as it is now and shows the result; returns both. */
  update() {
    const doc = this.document();
    const validation = validateForm(this.kind, doc);
    const bySlot = new Map();
    const loose = [];
    for (const error of validation.errors) {
      const slot = this.slot(pathOf(error.loc));
      if (!slot) loose.push(error);
      else bySlot.set(slot, [...(bySlot.get(slot) || []), error]);
    }
    for (const slot of this.form.querySelectorAll('[data-slot]')) {
      const errors = bySlot.get(slot) || [];
      const shown = errors.length > 0 && this.shows(slot);
      if (errors.length === 0 && !slot.errorElement) continue;
      const el = this.errorElement(slot);
      el.textContent = shown ? errors.map((e) => e.message_zh).join('；') : '';
      el.dataset.path = shown ? errors.map((e) => pathOf(e.loc)).join(' ') : '';
      el.dataset.code = shown ? errors.map((e) => e.code).join(' ') : '';
      slot.classList.toggle('invalid', shown);
      for (const control of this.controlsOf(slot)) {
        if (shown) {
          control.setAttribute('aria-invalid', 'true');
          control.setAttribute('aria-describedby', el.id);
        } else {
          control.removeAttribute('aria-invalid');
          control.removeAttribute('aria-describedby');
        }
      }
      const hostRow = slot.dataset.errIn && el.closest('tr.group-err');
      if (hostRow) hostRow.hidden = !shown;
    }
    // Errors on the document itself (or on nothing the page shows).
    this.formErrors.replaceChildren(...(this.submitted ? loose : []).map((e) => {
      const li = document.createElement('li');
      li.textContent = e.message_zh;
      li.dataset.path = pathOf(e.loc);
      return li;
    }));
    this.formErrors.hidden = this.formErrors.childElementCount === 0;
    // The count is of the messages shown: none on an untouched form, every one after a submit.
    const shown = [...bySlot].filter(([slot]) => this.shows(slot)).reduce((n, [, errors]) => n + errors.length, 0)
      + (this.submitted ? loose.length : 0);
    const state = validation.valid ? 'ok' : shown > 0 ? 'invalid' : 'pending';
    this.summary.textContent = state === 'ok' ? SUMMARY.valid : state === 'invalid' ? SUMMARY.invalid(shown) : SUMMARY.pending;
    this.summary.classList.toggle('ok', state === 'ok');
    this.summary.classList.toggle('pending', state === 'pending');
    this.summary.dataset.state = state;
    return { doc, validation };
  }

  submit(event) {
    event.preventDefault();
    this.submitted = true;
    const { doc, validation } = this.update();
    if (!validation.valid) {
      this.result.hidden = true;
      const first = this.form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
      return;
    }
    // What would be exported: the document with personal data masked (PIPL art. 51).
    const exported = inOrderOf(redact(this.kind, doc), doc);
    this.result.querySelector('[data-export]').textContent = JSON.stringify(exported, null, 2);
    this.result.hidden = false;
    this.result.scrollIntoView({ block: 'nearest' });
  }

  reset() {
    this.submitted = false;
    for (const el of this.form.querySelectorAll('[data-touched]')) delete el.dataset.touched;
    for (const row of this.form.querySelectorAll('[data-list][data-keep-empty]')) row.remove();
    const add = this.form.querySelector('[data-add]');
    if (add) add.hidden = true;
    this.result.hidden = true;
    this.update();
  }
}

// ---------------------------------------------------------------------------------------
// The page

function tabs() {
  const buttons = [...document.querySelectorAll('[role=tab]')];
  const show = (id) => {
    for (const b of buttons) {
      const on = b.getAttribute('aria-controls') === id;
      b.setAttribute('aria-selected', String(on));
      document.getElementById(b.getAttribute('aria-controls')).hidden = !on;
    }
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      show(b.getAttribute('aria-controls'));
      history.replaceState(null, '', `#${b.id.replace('tab-', '')}`);
    });
  }
  const wanted = location.hash.slice(1);
  if (buttons.some((b) => b.id === `tab-${wanted}`)) show(`sheet-${wanted}`);
}

function fatal(message) {
  const el = document.getElementById('fatal');
  el.textContent = message;
  el.hidden = false;
  document.body.dataset.ready = 'error';
}

async function main() {
  try {
    await init();
  } catch {
    fatal('无法加载校验模块（pkg/web-forms）：请先运行 bash bindings-wasm/build.sh，再用 node bindings-wasm/demo/serve.js 打开本页。');
    return;
  }
  try {
    for (const form of document.querySelectorAll('form[data-kind]')) new PaperForm(form);
  } catch (e) {
    fatal(`页面与表单字段不一致：${e.message}`);
    return;
  }
  tabs();
  document.body.dataset.ready = 'true';
}

main();
