// Forms whose fields show the API's own validation errors next to them: a 400 or 422 problem
// lists {field, message}; each message goes under its field, and what names no field of the
// form goes on top.
import { ApiError } from './api.js';
import { h } from './dom.js';

/**
 * A form of `fields`.
 * @param {object} options
 * @param {{name: string, label: string, type?: string, value?: any, options?: string[], hint?: string,
 *   required?: boolean}[]} options.fields
 * @param {string} options.submit the button's label
 * @param {(values: object) => Promise<void>} options.onSubmit throws ApiError to show its errors
 * @param {string} options.id the form's id (field ids derive from it)
 */
export function apiForm({ id, fields, submit, onSubmit }) {
  const summary = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const inputs = new Map();
  const errors = new Map();
  const rows = fields.map((field) => {
    const fieldId = `${id}-${field.name}`;
    const error = h('span', { class: 'field-error', id: `${fieldId}-error`, hidden: true });
    let input;
    if (field.options) {
      input = h('select', { id: fieldId, name: field.name },
        field.options.map((option) => h('option', { value: option, selected: option === (field.value ?? '') }, option || '(none)')));
    } else if (field.type === 'checkbox') {
      input = h('input', { id: fieldId, name: field.name, type: 'checkbox', checked: field.value === true });
    } else {
      input = h('input', {
        id: fieldId, name: field.name, type: field.type || 'text', value: field.value ?? '',
        required: field.required, autocomplete: 'off', 'aria-describedby': `${fieldId}-error`,
      });
    }
    inputs.set(field.name, input);
    errors.set(field.name, error);
    return h('div', { class: `field ${field.type === 'checkbox' ? 'check' : ''}` },
      h('label', { for: fieldId }, field.label), input,
      field.hint ? h('small', {}, field.hint) : null, error);
  });
  const button = h('button', { type: 'submit' }, submit);
  const form = h('form', { id, class: 'api-form', novalidate: true }, summary, rows, h('div', { class: 'actions' }, button));

  function clear() {
    summary.hidden = true;
    for (const [name, error] of errors) {
      error.hidden = true;
      error.textContent = '';
      inputs.get(name).removeAttribute('aria-invalid');
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const values = {};
    for (const field of fields) {
      const input = inputs.get(field.name);
      if (field.type === 'checkbox') values[field.name] = input.checked;
      else if (input.value === '') values[field.name] = null;
      else values[field.name] = field.type === 'number' ? Number(input.value) : input.value;
    }
    button.disabled = true;
    try {
      await onSubmit(values);
    } catch (ex) {
      if (!(ex instanceof ApiError)) throw ex;
      const unplaced = [];
      for (const { field, message } of ex.errors) {
        const error = errors.get(field);
        if (error) {
          error.textContent = `${field} ${message}`;
          error.hidden = false;
          inputs.get(field).setAttribute('aria-invalid', 'true');
        } else {
          unplaced.push(`${field} ${message}`);
        }
      }
      if (unplaced.length || !ex.errors.length) {
        summary.textContent = unplaced.length ? unplaced.join('; ') : ex.message;
        summary.hidden = false;
      }
      const first = ex.errors.map((e) => inputs.get(e.field)).find(Boolean);
      (first || summary).focus?.();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
