// The learners' console: reads /api/state every second and draws it; the buttons POST to /api/...
// Everything a service told is put in with textContent, never as HTML: a payment's key may come
// from a forged message.
'use strict';

// The run's token came in the URL ./dtx up printed; every /api call carries it as a header.
const TOKEN = new URLSearchParams(location.search).get('token') || '';

const STATE_TEXT = { 'credited': '✔ credited', 'in flight': '… in flight', 'refused': '✘ refused' };

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
  const duplicate = el('button', { 'type': 'button', 'data-duplicate': journey.txNo }, 'Send a duplicate');
  duplicate.addEventListener('click', () => press('faults/duplicate', { txNo: journey.txNo }).then(refresh));
  card.append(el('h3', {}, el('code', {}, journey.txNo),
    el('span', { 'class': 'state' }, STATE_TEXT[journey.state] || journey.state), duplicate));
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
    [p.name, p.pid === null ? '-' : p.pid, { text: p.state === 'running' ? '● running' : '○ stopped', cls: p.state }]));
  rows(document.querySelector('#balances tbody'), (picture.balances || []).map(b =>
    [b.accountNo, b.name || '', b.balance]));
  document.getElementById('dead-letters').textContent = picture.deadLetters < 0 ? 'not read yet' : picture.deadLetters;
  const counters = document.getElementById('counters');
  const open = new Set([...counters.querySelectorAll('details[open]')].map(d => d.dataset.service));
  counters.replaceChildren(...Object.entries(picture.counters || {}).map(([service, series]) => {
    const list = el('dl', {});
    Object.entries(series).forEach(([name, value]) => list.append(el('dt', {}, name), el('dd', {}, value)));
    const details = el('details', { 'data-service': service },
      el('summary', {}, service + ' (' + Object.keys(series).length + ' series)'), list);
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
      connection.textContent = 'refused: open the console with the URL ./dtx up printed (it carries the token)';
      return;
    }
    draw(await response.json());
    connection.textContent = 'live, updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    connection.textContent = 'the console does not answer: is the stack still up?';
  }
}

document.getElementById('recharge').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const result = document.getElementById('recharge-result');
  result.textContent = 'paying...';
  const { status, answer } = await press('recharges', { accountNo: form.get('accountNo'), amount: form.get('amount') });
  result.textContent = status + ' ' + (answer.body || answer.detail || '');
  refresh();
});

document.querySelectorAll('[data-fault]').forEach(button => button.addEventListener('click', async () => {
  button.disabled = true;
  await press('faults/' + button.dataset.fault);
  refresh();
}));

refresh();
setInterval(refresh, 1000);
