// Numbers, SIP trunks and projects: one page shape for the three, a list, a create form and an
// edit form, each sending what the REST API takes and showing its validation errors by field.
import { query } from '../api.js';
import { apiForm } from '../forms.js';
import { fill, h, table, toast } from '../dom.js';

/**
 * A list, create and edit page of one REST collection.
 * @param {object} spec
 * @param {string} spec.title the page's title
 * @param {string} spec.path the collection, e.g. /v1/numbers
 * @param {string} spec.id the forms' id prefix
 * @param {Array} spec.columns the table's columns
 * @param {(row?: object) => Array} spec.fields the form's fields, filled from `row` when editing
 * @param {(values: object, row?: object) => object} [spec.body] what to send, from the form's values
 * @param {(row: object) => Node[]} [spec.actions] more buttons for a row
 * @param {(created: object) => Node|null} [spec.created] what to show once after creating (secrets)
 */
export function resourcePage(spec) {
  return (main, { api }) => {
    const list = h('div', { id: `${spec.id}-list` });
    const editor = h('section', { class: 'card', id: `${spec.id}-editor`, 'aria-live': 'polite' });
    const notice = h('div');
    fill(main, h('h1', {}, spec.title), notice, editor, list);

    async function load() {
      const rows = [];
      let cursor;
      do {
        const page = await api.get(`${spec.path}${query({ limit: 100, cursor })}`);
        rows.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor && rows.length < 1000);
      fill(list, rows.length ? table([...spec.columns, ['', (row) => h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => edit(row), 'aria-label': `Edit ${row.name || row.number || row.id}` }, 'Edit'),
        spec.actions ? spec.actions(row, { api, notice, reload: load }) : null)]], rows, { rowProps: (row) => ({ dataset: { id: row.id } }) })
        : h('p', { class: 'empty' }, 'None yet.'));
    }

    function create() {
      fill(editor, h('h2', {}, `New`), apiForm({
        id: `${spec.id}-create`,
        submit: 'Create',
        fields: spec.fields(),
        onSubmit: async (values) => {
          const created = await api.post(spec.path, spec.body ? spec.body(values) : values);
          toast('Created');
          fill(notice, spec.created ? spec.created(created) : null);
          create();
          await load();
        },
      }));
    }

    function edit(row) {
      fill(editor, h('h2', {}, `Edit ${row.name || row.number || row.id}`), apiForm({
        id: `${spec.id}-edit`,
        submit: 'Save',
        fields: spec.fields(row),
        onSubmit: async (values) => {
          await api.put(`${spec.path}/${encodeURIComponent(row.id)}`, spec.body ? spec.body(values, row) : values);
          toast('Saved');
          create();
          await load();
        },
      }), h('button', { type: 'button', class: 'secondary', onclick: create }, 'Cancel'));
      editor.querySelector('input, select')?.focus();
    }

    create();
    load().catch((ex) => toast(ex.message));
  };
}

/** Shows secrets the API answers once, with a warning that they will not be shown again. */
export function secrets(title, entries) {
  return h('section', { class: 'card notice', role: 'alert' }, h('h2', {}, title),
    h('p', {}, 'Shown once: store them now.'),
    h('dl', { class: 'facts' }, entries.filter(([, v]) => v).map(([label, value]) => [h('dt', {}, label), h('dd', {}, h('code', {}, value))])));
}
