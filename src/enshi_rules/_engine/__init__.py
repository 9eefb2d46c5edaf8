"""The engine: how an article module declares its rules (``rulebook``), the only code that talks to
durable-rules (``durable``), and mutation testing of the declared rules (``mutate``)."""
