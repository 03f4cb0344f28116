// ChungTay: small progressive enhancements; every page works without this file.
document.addEventListener("htmx:responseError", function (event) {
  var target = document.getElementById("htmx-error");
  if (target) {
    target.hidden = false;
  }
});
