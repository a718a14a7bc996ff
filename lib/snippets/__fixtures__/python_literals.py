# Parses Python sources with the interpreter's own parser and prints, per source, the tree
# without string values and the string values in tree order (JSON). Reads a JSON list of
# sources on stdin. Used by snippet-injection.test.ts.
import ast
import json
import sys


def describe(source):
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return {"kinds": [], "values": [], "errors": [str(error)]}
    values = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            values.append(node.value)
            node.value = "<str>"
    return {"kinds": [ast.dump(tree)], "values": values, "errors": []}


print(json.dumps([describe(source) for source in json.load(sys.stdin)]))
