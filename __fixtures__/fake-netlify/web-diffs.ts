// A session's work as a small web site change that fits its prompt (the scenario's diffStyle
// 'web', for the demo): the diff, the steps the agent reports and its result. A dark mode prompt
// gets a header toggle with its styles and script; any other prompt a new section on the home
// page that names the task. Each diff is what `git diff` printed between a before and an after of
// the site it imagines.
import type { SessionStep } from '../../src/netlify/types.js'

export interface WebChange {
  diff: string
  steps: SessionStep[]
  result: string
}

const DARK_MODE_DIFF = `diff --git a/scripts/theme-toggle.js b/scripts/theme-toggle.js
new file mode 100644
index 0000000..624960d
--- /dev/null
+++ b/scripts/theme-toggle.js
@@ -0,0 +1,17 @@
+// Dark mode: follows the system setting until the visitor chooses, then remembers the choice.
+const toggle = document.querySelector(".theme-toggle");
+const stored = localStorage.getItem("theme");
+const prefersDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
+
+function apply(theme) {
+  document.documentElement.dataset.theme = theme;
+  toggle.setAttribute("aria-pressed", String(theme === "dark"));
+}
+
+apply(stored ?? (prefersDark ? "dark" : "light"));
+
+toggle.addEventListener("click", () => {
+  const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
+  localStorage.setItem("theme", next);
+  apply(next);
+});
diff --git a/src/components/Header.html b/src/components/Header.html
index a6a01f5..bf8f1c9 100644
--- a/src/components/Header.html
+++ b/src/components/Header.html
@@ -8,5 +8,11 @@
       <a href="/journal">Journal</a>
       <a href="/about">About</a>
     </nav>
+    <button class="theme-toggle" type="button" aria-pressed="false" aria-label="Dark mode">
+      <svg class="theme-toggle__icon" aria-hidden="true" width="20" height="20" viewBox="0 0 24 24">
+        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="currentColor"/>
+      </svg>
+    </button>
   </div>
 </header>
+<script src="/scripts/theme-toggle.js" defer></script>
diff --git a/styles/theme.css b/styles/theme.css
index b613724..5a0ed16 100644
--- a/styles/theme.css
+++ b/styles/theme.css
@@ -6,15 +6,24 @@
   --color-border: #e3e5e8;
 }
 
+:root[data-theme="dark"] {
+  --color-bg: #14161a;
+  --color-text: #e8eaed;
+  --color-muted: #9aa0aa;
+  --color-accent: #3fd1a3;
+  --color-border: #2a2e35;
+}
+
 body {
   background: var(--color-bg);
   color: var(--color-text);
   font-family: "Inter", system-ui, sans-serif;
+  transition: background-color 0.2s ease, color 0.2s ease;
 }
 
 .site-header {
-  background: #ffffff;
-  border-bottom: 1px solid #e3e5e8;
+  background: var(--color-bg);
+  border-bottom: 1px solid var(--color-border);
 }
 
 .site-header__inner {
@@ -22,3 +31,17 @@ body {
   align-items: center;
   gap: 2rem;
 }
+
+.theme-toggle {
+  margin-left: auto;
+  padding: 0.5rem;
+  border: 1px solid var(--color-border);
+  border-radius: 999px;
+  background: transparent;
+  color: var(--color-text);
+  cursor: pointer;
+}
+
+.theme-toggle[aria-pressed="true"] {
+  color: var(--color-accent);
+}
`

const DARK_MODE: WebChange = {
  diff: DARK_MODE_DIFF,
  steps: [
    {
      title: 'Exploring the codebase',
      message:
        'The header is src/components/Header.html; colours are CSS variables in styles/theme.css.'
    },
    {
      title: 'Planning the change',
      message:
        'A toggle button in the header that sets data-theme on <html>, a dark palette for the same variables, and a small script that remembers the choice.'
    },
    {
      title: 'Editing files',
      message:
        'Added the button to Header.html, the dark palette and the toggle styles to theme.css, and scripts/theme-toggle.js.'
    },
    {
      title: 'Running the build',
      message: 'npm run build: 14 pages built in 2.1 s, no warnings.'
    },
    {
      title: 'Checking the deploy preview',
      message: 'The toggle switches the theme, and the choice survives a reload.'
    }
  ],
  result: [
    'Added a **dark mode toggle** to the header.',
    '',
    '- `src/components/Header.html`: a toggle button (with `aria-pressed`) after the navigation.',
    '- `styles/theme.css`: a dark palette for the existing colour variables, used when `<html data-theme="dark">`; the header now uses the variables instead of fixed colours.',
    '- `scripts/theme-toggle.js`: follows the system setting (`prefers-color-scheme`) until the visitor chooses, then remembers the choice in `localStorage`.',
    '',
    'The site builds, and the deploy preview shows both themes.'
  ].join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function homePageSection(task: string): WebChange {
  const title = escapeHtml(task)
  return {
    diff: `diff --git a/src/pages/index.html b/src/pages/index.html
index 6b85cc8..f930ff0 100644
--- a/src/pages/index.html
+++ b/src/pages/index.html
@@ -11,6 +11,10 @@
       <h1>Gear for the long way round</h1>
       <a class="button" href="/shop">Shop the collection</a>
     </section>
+    <section class="update" aria-labelledby="update-title">
+      <h2 id="update-title">${title}</h2>
+      <p>Made by a Netlify Agent Runner; see the deploy preview.</p>
+    </section>
   </main>
 </body>
 </html>
diff --git a/styles/main.css b/styles/main.css
index 61d1ddb..47316de 100644
--- a/styles/main.css
+++ b/styles/main.css
@@ -2,3 +2,9 @@
   padding: 4rem 1.5rem;
   text-align: center;
 }
+
+.update {
+  max-width: 40rem;
+  margin: 3rem auto;
+  padding: 0 1.5rem;
+}
`,
    steps: [
      {
        title: 'Exploring the codebase',
        message: 'The home page is src/pages/index.html, styled by styles/main.css.'
      },
      { title: 'Editing files', message: 'Added a section to the home page, and its styles.' },
      {
        title: 'Running the build',
        message: 'npm run build: 14 pages built in 2.0 s, no warnings.'
      },
      { title: 'Checking the deploy preview', message: 'The new section shows below the hero.' }
    ],
    result: `Done: **${task}**.\n\nAdded a section to the home page (\`src/pages/index.html\`) with its styles in \`styles/main.css\`. The site builds.`
  }
}

/** The change for a session with this prompt (its first line is the task). */
export function webChange(prompt: string): WebChange {
  const task = (prompt.trim().split('\n')[0] ?? '').trim()
  return /dark\s*mode|dark\s*theme/i.test(task) ? DARK_MODE : homePageSection(task)
}
