// Click a name in the cast to fade every line but theirs; click it again to show all.
document.addEventListener("DOMContentLoaded", () => {
  const story = document.querySelector(".story");
  if (!story) return;
  let focused = null;
  for (const button of document.querySelectorAll(".cast-name")) {
    button.addEventListener("click", () => {
      const speaker = button.dataset.speaker;
      focused = focused === speaker ? null : speaker;
      story.classList.toggle("focus", focused !== null);
      for (const line of story.querySelectorAll(".quote, .thought")) {
        line.classList.toggle("focused", focused !== null && line.classList.contains(focused));
      }
    });
  }
});
