"""One router per topic; ``giamngheo.api.urls`` mounts them."""
