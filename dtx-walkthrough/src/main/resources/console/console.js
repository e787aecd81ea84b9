// The learners' console: reads /api/state every second and draws it; the buttons POST to /api/...
// Everything a service told is put in with textContent, never as HTML: a payment's key may come
// from a forged message.
'use strict';

// The run's token came in the URL ./dtx up printed; every /api call carries it as a header. It is
// kept for this tab and taken out of the address bar, so the browser's history does not keep it.
const TOKEN = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('dtx-token') || '';
sessionStorage.setItem('dtx-token', TOKEN);
history.replaceState(null, '', location.pathname);

// The page's sentences, in the console's language: filled in by start() from /words.json.
let WORDS = {};

function t(key, ...values) {
  const text = WORDS[key] === undefined ? key : WORDS[key];
  return values.reduce((sentence, value, i) => sentence.split('{' + i + '}').join(String(value)), text);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

async function press(path, body) {
  const response = await fetch('/api/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Dtx-Console-Token': TOKEN },
    body: JSON.stringify(body || {})
  });
  const answer = await response.json();
  return { status: response.status, answer };
}

function journeyCard(journey) {
  const card = el('article', { 'class': 'journey', 'data-tx': journey.txNo, 'data-state': journey.state });
  const duplicate = el('button', { 'type': 'button', 'data-duplicate': journey.txNo }, t('journey.duplicate'));
  duplicate.addEventListener('click', () => press('faults/duplicate', { txNo: journey.txNo }).then(refresh));
  card.append(el('h3', {}, el('code', {}, journey.txNo),
    el('span', { 'class': 'state' }, t('state.' + journey.state.replace(' ', '-'))), duplicate));
  const steps = el('ol', {});
  journey.steps.forEach(step => {
    steps.append(el('li', { 'data-milestone': step.milestone, 'data-at': step.at },
      el('span', { 'class': 'plus' }, '+' + step.plusMs + ' ms'),
      el('span', { 'class': 'service' }, step.service),
      step.label,
      el('span', { 'class': 'detail' }, step.detail ? ' - ' + step.detail : '')));
  });
  journey.waiting.forEach(line => steps.append(el('li', { 'class': 'waiting', 'data-milestone': 'WAITING' }, '… ' + line)));
  card.append(steps);
  return card;
}

function rows(tbody, values) {
  tbody.replaceChildren(...values.map(cells => el('tr', {}, ...cells.map(cell =>
    el('td', cell.cls ? { 'class': cell.cls } : {}, cell.text === undefined ? String(cell) : cell.text)))));
}

function draw(state) {
  document.getElementById('publisher').textContent = state.publisher;
  const journeys = document.getElementById('journeys');
  if (state.journeys.length) {
    journeys.replaceChildren(...state.journeys.map(journeyCard));
  }
  const picture = state.picture;
  rows(document.querySelector('#processes tbody'), (picture.processes || []).map(p =>
    [p.name, p.pid === null ? '-' : p.pid, { text: t(p.state === 'running' ? 'process.running' : 'process.stopped'), cls: p.state }]));
  rows(document.querySelector('#balances tbody'), (picture.balances || []).map(b =>
    [b.accountNo, b.name || '', b.balance]));
  document.getElementById('dead-letters').textContent = picture.deadLetters < 0 ? t('page.notReadYet') : picture.deadLetters;
  const counters = document.getElementById('counters');
  const open = new Set([...counters.querySelectorAll('details[open]')].map(d => d.dataset.service));
  counters.replaceChildren(...Object.entries(picture.counters || {}).map(([service, series]) => {
    const list = el('dl', {});
    Object.entries(series).forEach(([name, value]) => list.append(el('dt', {}, name), el('dd', {}, value)));
    const details = el('details', { 'data-service': service },
      el('summary', {}, t('page.series', service, Object.keys(series).length)), list);
    details.open = open.has(service);
    return details;
  }));
  document.getElementById('pressed').replaceChildren(...state.pressed.map(line => el('li', {}, line)));
  document.querySelectorAll('[data-fault]').forEach(button => { button.disabled = state.busy; });
}

async function refresh() {
  const connection = document.getElementById('connection');
  try {
    const response = await fetch('/api/state', { headers: { 'Dtx-Console-Token': TOKEN } });
    if (response.status === 401) {
      connection.textContent = t('page.refused');
      return;
    }
    draw(await response.json());
    connection.textContent = t('page.live', new Date().toLocaleTimeString());
  } catch (e) {
    connection.textContent = t('page.noAnswer');
  }
}

document.getElementById('recharge').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const result = document.getElementById('recharge-result');
  result.textContent = t('page.paying');
  const { status, answer } = await press('recharges', { accountNo: form.get('accountNo'), amount: form.get('amount') });
  result.textContent = status + ' ' + (answer.body || answer.detail || '');
  refresh();
});

document.querySelectorAll('[data-fault]').forEach(button => button.addEventListener('click', async () => {
  button.disabled = true;
  await press('faults/' + button.dataset.fault);
  refresh();
}));

async function start() {
  try {
    const response = await fetch('/words.json');
    const words = response.ok ? await response.json() : {};
    WORDS = words.words || {};
    document.documentElement.lang = words.lang || 'en';
  } catch (e) {
    // no words: each element shows its key, and the page still works
  }
  document.title = t('page.title');
  document.querySelectorAll('[data-text]').forEach(node => { node.textContent = t(node.dataset.text); });
  document.querySelectorAll('[data-hint]').forEach(node => { node.title = t(node.dataset.hint); });
  document.querySelectorAll('[data-label]').forEach(node => node.setAttribute('aria-label', t(node.dataset.label)));
  refresh();
  setInterval(refresh, 1000);
}

start();
