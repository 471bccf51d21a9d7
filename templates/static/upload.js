// Drag and drop with a progress bar per file. Each file goes to the upload API on its own, with the
// session's CSRF token in a header; without this script the form posts all files at once.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("upload-files");
  var list = document.getElementById("upload-list");
  var csrf = form.getAttribute("data-csrf");

  function visibility() {
    var checked = form.querySelector("input[name=visibility]:checked");
    return checked ? checked.value : "internal";
  }

  function line(file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.textContent = file.name + " ";
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "Загрузка " + file.name);
    var state = document.createElement("span");
    state.textContent = " ожидает";
    li.appendChild(name);
    li.appendChild(bar);
    li.appendChild(state);
    list.appendChild(li);
    return { li: li, bar: bar, state: state };
  }

  function show(row, result) {
    row.bar.value = 100;
    row.state.textContent = " ";
    if (result.documentId) {
      var link = document.createElement("a");
      link.href = "/admin/documents/" + result.documentId;
      link.textContent = result.message + (result.added ? " — проверьте реквизиты" : "");
      row.state.appendChild(link);
    } else {
      var error = document.createElement("span");
      error.className = "error";
      error.textContent = result.message;
      row.state.appendChild(error);
    }
  }

  function send(files, i) {
    if (i >= files.length) {
      return;
    }
    var file = files[i];
    var row = line(file);
    var data = new FormData();
    data.append("file", file, file.name);
    data.append("visibility", visibility());
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        row.bar.value = Math.round(e.loaded * 90 / e.total);
        row.state.textContent = e.loaded < e.total ? " передаётся" : " читается текст…";
      }
    };
    xhr.onload = function () {
      var body;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
      if (body.results && body.results.length) {
        show(row, body.results[0]);
      } else {
        show(row, { message: file.name + ": " + (body.error || "ошибка " + xhr.status) });
      }
      send(files, i + 1);
    };
    xhr.onerror = function () {
      show(row, { message: file.name + ": сеть недоступна" });
      send(files, i + 1);
    };
    xhr.send(data);
  }

  form.addEventListener("submit", function (e) {
    if (input.files.length) {
      e.preventDefault();
      send(Array.prototype.slice.call(input.files), 0);
      input.value = "";
    }
  });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    send(Array.prototype.slice.call(e.dataTransfer.files), 0);
  });
}());
