// Drag and drop for the task board: a card dropped on a column tells the server its new status.
// Moving with the keyboard uses the arrow buttons on each card; this file adds the mouse, and gives focus
// back to a card moved with the keyboard once it is drawn in its new column.
let dragged = null;

// The same arrow on the moved card, or the other one when the card reached the end of the board.
export function focusCard(key, direction) {
    const card = document.getElementById("card-" + key);
    if (!card) return;
    const other = direction === "next" ? "previous" : "next";
    const target = card.querySelector(`[data-move-${direction}]`) || card.querySelector(`[data-move-${other}]`) || card.querySelector("a");
    target?.focus();
}

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
