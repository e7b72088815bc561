// The console's shell: sign-in state, navigation and a hash router (#/live, #/records, …), so
// the server serves one page and every view is a link that the keyboard and the back button reach.
import { createApi } from './api.js';
import { fill, h, toast } from './dom.js';
import { createSession } from './session.js';
import { chartsPage } from './pages/charts.js';
import { numbersPage, projectsPage, trunksPage } from './pages/catalog.js';
import { livePage } from './pages/live.js';
import { moneyPage } from './pages/money.js';
import { recordPage, recordsPage } from './pages/records.js';
import { signInPage } from './pages/signin.js';

const PAGES = [
  ['live', 'Live calls', livePage],
  ['records', 'Call records', recordsPage],
  ['charts', 'Charts', chartsPage],
  ['money', 'Money', moneyPage],
  ['numbers', 'Numbers', numbersPage],
  ['trunks', 'SIP trunks', trunksPage],
  ['projects', 'Projects', projectsPage],
];

const bare = createApi(() => Promise.reject(new Error('no token')), () => {});
const session = createSession((method, path, bearer) => (method === 'GET' ? bare.get(path, { bearer }) : bare.post(path, undefined, { bearer })));
const api = createApi(() => session.token(), () => {
  toast('Your session has expired: sign in again.');
  session.signOut();
});

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let leave = null;

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function renderChrome() {
  nav.hidden = !session.signedIn;
  if (!session.signedIn) {
    fill(who);
    fill(nav);
    return;
  }
  const current = location.hash.split('/')[1];
  fill(nav, h('ul', {}, PAGES.map(([key, label]) => h('li', {},
    h('a', { href: `#/${key}`, 'aria-current': key === current ? 'page' : null }, label)))));
  fill(who, h('span', {}, `${session.account.name}${session.isOperator ? ' · operator' : ''}`),
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => { session.signOut(); go('#/'); } }, 'Sign out'));
}

function route() {
  if (leave) {
    leave();
    leave = null;
  }
  const [, key, ...params] = location.hash.split('/').map(decodeURIComponent);
  renderChrome();
  if (!session.signedIn) {
    signInPage(main, { session, go });
    return;
  }
  const page = (key === 'records' && params.length) ? recordPage : (PAGES.find(([k]) => k === key) || PAGES[0])[2];
  const cleanup = page(main, { api, session, go, params });
  leave = typeof cleanup === 'function' ? cleanup : null;
  main.focus({ preventScroll: true });
}

session.onChange(() => route());
window.addEventListener('hashchange', route);
route();
