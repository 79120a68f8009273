"""The CLI's commands, one module per noun: each adds its sub-commands to the parser
(`add_parsers`) and holds their handlers, which open the workspace, call the engine and print.

Building the parser imports every module here, so none imports the PDF library, the migration
tools or Qt at its top (tests/test_start_speed.py); a handler imports what only it needs."""
