// Charts of a chosen range, from the server's aggregates (GET /v1/call-stats): calls per hour,
// ASR, average talk time and cost per day, unanswered calls by reason. Each chart has its
// numbers in a table beside it, for keyboards, screen readers and anyone who wants the figure.
import uPlot from 'uplot';
import { query } from '../api.js';
import { fill, h, table } from '../dom.js';

const DAY_MS = 86_400_000;

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Colours from the page's CSS, so charts follow the light or dark scheme. */
function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function chartsPage(main, { api, session }) {
  const currency = session.account.currency;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = new Date();
  const form = h('form', { id: 'charts-range', class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'charts-from' }, 'From (day)'),
      h('input', { id: 'charts-from', name: 'from', type: 'date', value: localDate(new Date(today - 6 * DAY_MS)), required: true })),
    h('div', { class: 'field' }, h('label', { for: 'charts-to' }, 'To (day, included)'),
      h('input', { id: 'charts-to', name: 'to', type: 'date', value: localDate(today), required: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const charts = h('div', { id: 'charts', class: 'grid two' });
  fill(main, h('h1', {}, 'Charts'), h('p', { class: 'hint' }, `Hours and days of ${zone}; at most 31 days.`), form, error, charts);
  let plots = [];

  async function load() {
    error.hidden = true;
    const from = new Date(`${form.elements.from.value}T00:00`);
    const to = new Date(new Date(`${form.elements.to.value}T00:00`).getTime() + DAY_MS);
    try {
      const stats = await api.get(`/v1/call-stats${query({ from: from.toISOString(), to: to.toISOString(), timeZone: zone })}`);
      draw(stats);
    } catch (ex) {
      error.textContent = ex.errors.length ? ex.errors.map((e) => `${e.field} ${e.message}`).join('; ') : ex.message;
      error.hidden = false;
    }
  }

  function draw(stats) {
    plots.forEach((plot) => plot.destroy());
    plots = [];
    const hourX = stats.hours.map((hour) => new Date(hour.hour).getTime() / 1000);
    const dayX = stats.days.map((day) => new Date(`${day.day}T00:00`).getTime() / 1000);
    const money = stats.days.map((day) => Number(day.cost));
    fill(charts,
      card('chart-calls-per-hour', 'Calls per hour', 3600, hourX, stats.hours.map((hour) => hour.calls), null,
        table([['Hour', 'hour'], ['Calls', 'calls']], stats.hours.filter((hour) => hour.calls > 0))),
      card('chart-asr', 'Answer-seizure ratio per day', 86400, dayX, stats.days.map((day) => day.answerSeizureRatio), 1,
        table([['Day', 'day'], ['Calls', 'calls'], ['Answered', 'answered'], ['ASR', (d) => ratio(d.answerSeizureRatio)]], stats.days)),
      card('chart-duration', 'Average talk time per day (s)', 86400, dayX, stats.days.map((day) => day.averageDurationSeconds), null,
        table([['Day', 'day'], ['Average (s)', (d) => d.averageDurationSeconds ?? '']], stats.days)),
      card('chart-cost', `Cost per day (${currency})`, 86400, dayX, money, null,
        table([['Day', 'day'], ['Cost', 'cost']], stats.days)),
      h('section', { class: 'card', id: 'chart-failures', 'aria-labelledby': 'chart-failures-title' },
        h('h2', { id: 'chart-failures-title' }, 'Unanswered calls by reason'),
        stats.failures.length ? table([['Reason', 'reason'], ['Calls', 'calls'],
          ['', (f) => h('meter', { min: 0, max: stats.failures[0].calls, value: f.calls, 'aria-hidden': 'true' })]], stats.failures)
          : h('p', { class: 'empty' }, 'None in this range.')));
  }

  /**
   * A bar chart of one series: `step` is the bars' width in seconds (an hour, a day), which pads
   * the x axis so the first and last bars show whole; `yMax` fixes the top (1 for a ratio).
   */
  function card(id, title, step, xs, ys, yMax, numbers) {
    const plotArea = h('div', { class: 'plot', 'aria-hidden': 'true' });
    const section = h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, title), plotArea,
      h('details', {}, h('summary', {}, 'Numbers'), numbers));
    requestAnimationFrame(() => {
      const width = Math.max(260, plotArea.clientWidth);
      plots.push(new uPlot({
        width, height: 200, legend: { show: false }, cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: (u, min, max) => [min - step / 2, max + step / 2] },
          y: { range: (u, min, max) => [0, yMax ?? Math.max(1, max * 1.1)] },
        },
        axes: [{ stroke: colour('--muted'), grid: { stroke: colour('--grid') } },
          { stroke: colour('--muted'), grid: { stroke: colour('--grid') } }],
        series: [{}, { label: title, stroke: colour('--accent'), fill: colour('--accent-soft'), width: 1,
          points: { show: false }, paths: uPlot.paths.bars({ size: [0.8, 60] }) }],
      }, [xs, ys], plotArea));
    });
    return section;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
  return () => plots.forEach((plot) => plot.destroy());
}

function ratio(value) {
  return value === null ? '' : `${(value * 100).toFixed(1)} %`;
}
