// Pictograms for the accessibility controls, drawn inline like the badge desk's
// printer: emoji (🔊, 🛎) need a colour-emoji font that kiosk images often lack,
// and without one they render as an empty box beside the label.

/** A loudspeaker with sound waves: replay the last announcement. */
export function SpeakerIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" fillOpacity="0.25" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
    </svg>
  );
}

/** A service bell: call staff. */
export function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round">
      <path d="M4 17a8 8 0 0 1 16 0z" fill="currentColor" fillOpacity="0.25" />
      <path d="M2 20h20M12 9V6M10 6h4" />
    </svg>
  );
}
