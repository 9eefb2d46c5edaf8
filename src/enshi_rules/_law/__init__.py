"""The law text and its traceability: the measures parsed into citable units (``text``), the article
map (``article_map``), the interpretation register (``register``), rule coverage recorded by the tests
(``coverage``), the check that keeps them in step (``check``), the generated docs for legal staff
(``docs``) and the units as JSON for the service (``articles_json``)."""
