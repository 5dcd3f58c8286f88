"""Allow ``python -m newslint``; ``run`` is also the ``newslint`` script's entry point."""


def run() -> None:
    """The command line, with regex programs from the cache (newslint/regex_cache.py): set up
    before the command line's modules compile their patterns."""
    from newslint import regex_cache

    regex_cache.install()
    from newslint.cli import main

    main()


if __name__ == "__main__":
    run()
