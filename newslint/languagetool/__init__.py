"""LanguageTool provisioning (Maven Central) and local server lifecycle.

Only a LanguageTool server on this machine (127.0.0.1) is ever started or
used, unless a caller passes an explicit ``remote_url``; the public
languagetool.org API is never contacted.
"""
