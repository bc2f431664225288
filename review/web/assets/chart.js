// An indicator's values by year: one line per organisation and activity
// (uPlot, vendored; loaded before this script as the global uPlot).
const data = JSON.parse(document.getElementById('page-data').textContent);
const box = document.getElementById('chart');
if (box && data.years.length) {
  const colours = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457'];
  const fmt = (v) => (v === null || v === undefined ? '–' : v.toLocaleString('sl-SI', { maximumFractionDigits: 2 }));
  const opts = {
    width: Math.min(box.clientWidth || 900, 1100),
    height: 360,
    scales: { x: { time: false } },
    axes: [
      { values: (u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      { values: (u, vals) => vals.map(fmt), size: 70 },
    ],
    series: [
      { label: 'year', value: (u, v) => (v === null ? '–' : String(v)) },
      ...data.series.map((s, i) => ({
        label: `${s.label} (${s.unit})`,
        stroke: colours[i % colours.length],
        width: 2,
        points: { size: 7 },
        value: (u, v) => fmt(v),
        spanGaps: false,
      })),
    ],
  };
  // eslint-disable-next-line no-undef
  new uPlot(opts, [data.years, ...data.series.map((s) => s.values)], box);
}
document.body.dataset.ready = '1';
