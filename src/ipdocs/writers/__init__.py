"""Writers: a document tree and a theme in, file bytes out. They never see the model."""


class RenderError(ValueError):
    """The one error a writer raises for a document it cannot build: a font that cannot
    be used, a character no font covers, content that cannot be laid out on a page. The
    message says what and where. Anything else a writer raises is a bug in ipdocs."""


class RenderWarning(UserWarning):
    """Something a writer tells about a file it made (the file is made all the same).
    Builds collect these and report them with the file."""
