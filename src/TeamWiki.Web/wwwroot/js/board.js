// Drag and drop for the task board: a card dropped on a column tells the server its new status.
// Moving with the keyboard uses the arrow buttons on each card; this file only adds the mouse.
let dragged = null;

export function init(dotnet) {
    const board = document.getElementById("board");
    if (!board) return;
    board.addEventListener("dragstart", e => {
        const card = e.target.closest?.("[data-key]");
        if (!card) return;
        dragged = card.dataset.key;
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", dragged);
        card.classList.add("dragging");
    });
    board.addEventListener("dragend", e => {
        e.target.closest?.("[data-key]")?.classList.remove("dragging");
        board.querySelectorAll(".drop-target").forEach(c => c.classList.remove("drop-target"));
    });
    board.addEventListener("dragover", e => {
        const column = e.target.closest?.("[data-status]");
        if (!column || !dragged) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        board.querySelectorAll(".drop-target").forEach(c => c !== column && c.classList.remove("drop-target"));
        column.classList.add("drop-target");
    });
    board.addEventListener("drop", e => {
        const column = e.target.closest?.("[data-status]");
        const key = e.dataTransfer.getData("text/plain") || dragged;
        dragged = null;
        if (!column || !key) return;
        e.preventDefault();
        column.classList.remove("drop-target");
        dotnet.invokeMethodAsync("Drop", key, column.dataset.status);
    });
}
