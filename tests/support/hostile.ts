/** A transcript page carrying markup and script payloads in its title, remarks, question and answer. */
export const HOSTILE_PAGE = `29 December 202018:13

Press conference on <script>alert("title")</script> and "onerror=alert(1) x="

  • en-GB1 ru-RU1

Opening remarks with <img src=x onerror=alert(2)> inside.

Question: Is </p><script>alert(3)</script> escaped?

Sergey Lavrov: Yes, "onerror=alert(4) is just text.
`;
