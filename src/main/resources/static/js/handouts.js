// Progressive enhancement only: every page works without this script.
// The "Print" link opens the PDF without JavaScript; with it, it opens the browser's print dialog
// for this page (the print stylesheet hides navigation and buttons).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      window.print();
    });
  });
});
