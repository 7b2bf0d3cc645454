"""Quality gates over the production build: Lighthouse, axe, Nu, links, budget."""
