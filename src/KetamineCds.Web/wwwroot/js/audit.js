// The auditor's workspace. Verification and impact analysis read the whole log and may take a while: say so and
// prevent a second submission. External file because the Content-Security-Policy forbids inline scripts.
document.querySelectorAll('form[data-audit-busy]').forEach((form) => {
  form.addEventListener('submit', () => {
    const button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.textContent = form.getAttribute('data-audit-busy');
    }
  });
});
