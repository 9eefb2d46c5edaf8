"""The subcommands of ``enshi-rules`` beyond ``evaluate`` and ``schema`` (``cli.py``): ``batch``,
``calendar``, ``serve`` and ``token``, ``trace`` and ``articles``."""
