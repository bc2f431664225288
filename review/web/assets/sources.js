// The list of sources: filter the indicators by what is typed.
const input = document.getElementById('indicator-filter');
if (input) {
  const items = [...document.querySelectorAll('#indicators li')];
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    for (const li of items) li.hidden = q !== '' && !li.textContent.toLowerCase().includes(q);
  });
}
document.body.dataset.ready = '1';
