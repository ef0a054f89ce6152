"""Kernel-side guard run around every restored test cell.

The guard is installed in the student's kernel before the first cell runs (so it
snapshots a pristine IPython) and is then called before and after each test cell
through ``user_expressions`` of an *empty* execute request: an empty cell is not
passed through IPython's input transformers, so a student transformer cannot
rewrite the guard the way it rewrites the test cells.

Each call restores what a student could have tampered with and reports what it
found (codes, see ``FLAG_MESSAGES`` in :mod:`tools.grading.messages`):

- ``transformateurs``: input transformers (cleanup / line / token / post) and AST
  transformers;
- ``gestionnaire_exceptions``: ``set_custom_exc``;
- ``showtraceback``: ``showtraceback`` / ``_showtraceback`` / ``showsyntaxerror``;
- ``shell``: other shell or kernel methods shadowed or replaced (run_cell…);
- ``evenements``: IPython event callbacks (pre_run_cell…);
- ``builtins``: replaced built-ins (isinstance, type, AssertionError…);
- ``verificateur``: replaced ``socialkit.check`` helpers, ``math`` / pandas testing
  functions, or user names shadowing the check helpers;
- ``trace``: ``sys.settrace`` / ``sys.setprofile`` hooks.

Every reply carries a per-run nonce; a missing or malformed reply is treated by the
pipeline as tampering (fail closed).
"""

from __future__ import annotations

GUARD_SOURCE = r"""
def _kit_make_guard(nonce, modname):
    import builtins, json, sys, types
    from IPython import get_ipython

    ip = get_ipython()
    kernel = getattr(ip, "kernel", None)
    mgr = ip.input_transformer_manager
    mgr_lists = {}
    for attr in ("cleanup_transforms", "line_transforms", "token_transformers"):
        obj = getattr(mgr, attr, None)
        if isinstance(obj, list):
            mgr_lists[attr] = (obj, list(obj))
    post = list(ip.input_transformers_post)
    ast_tr = list(ip.ast_transformers)
    custom_exc = ip.custom_exceptions
    custom_tb = ip.__dict__.get("CustomTB", None)
    shell_names = (
        "showtraceback", "_showtraceback", "showsyntaxerror", "run_cell", "run_cell_async",
        "_run_cell", "run_ast_nodes", "run_code", "transform_cell", "transform_ast",
        "user_expressions", "should_run_async", "ex", "ev", "_format_user_obj",
        "get_exception_only", "excepthook",
    )
    shell_cls = type(ip)
    shell_inst = {n: ip.__dict__[n] for n in shell_names if n in ip.__dict__}
    shell_cls_vals = {n: getattr(shell_cls, n, None) for n in shell_names}
    mgr_inst = dict(vars(mgr))
    kernel_names = ("do_execute", "execute_request", "send_response")
    kernel_inst = {}
    kernel_cls_vals = {}
    if kernel is not None:
        kernel_inst = {n: kernel.__dict__[n] for n in kernel_names if n in kernel.__dict__}
        kernel_cls_vals = {n: getattr(type(kernel), n, None) for n in kernel_names}
    events = {k: list(v) for k, v in ip.events.callbacks.items()}
    b_names = (
        "isinstance", "issubclass", "type", "AssertionError", "Exception", "BaseException",
        "__import__", "eval", "exec", "compile", "getattr", "setattr", "hasattr", "len",
        "float", "int", "str", "bool", "list", "dict", "tuple", "set", "repr", "abs", "all",
        "any", "zip", "map", "round", "sum", "min", "max", "print", "open", "id", "hash",
        "object", "super", "NotImplementedError", "TypeError", "ValueError", "KeyError",
        "NameError", "SystemExit", "callable", "iter", "next", "range", "enumerate", "sorted",
    )
    b_vals = {n: getattr(builtins, n) for n in b_names if hasattr(builtins, n)}
    trace = (sys.gettrace(), sys.getprofile())
    watched = {}
    for name in ("socialkit.check", "math", "numpy", "pandas", "pandas.testing"):
        try:
            mod = __import__(name, fromlist=["_"])
        except Exception:
            continue
        attrs = {}
        for key, val in vars(mod).items():
            if callable(val) or isinstance(val, type):
                attrs[key] = val
        watched[name] = (mod, attrs)
    check_names = {}
    if "socialkit.check" in watched:
        mod = watched["socialkit.check"][0]
        for n in getattr(mod, "__all__", ()):
            check_names[n] = getattr(mod, n)

    def run(call_nonce):
        found = []

        def flag(code):
            if code not in found:
                found.append(code)

        try:
            if ip.input_transformer_manager is not mgr:
                flag("transformateurs")
                ip.input_transformer_manager = mgr
            for attr, (obj, content) in mgr_lists.items():
                cur = getattr(mgr, attr, None)
                if cur is not obj or len(cur) != len(content) or any(
                    a is not b for a, b in zip(cur, content)
                ):
                    flag("transformateurs")
                    obj[:] = content
                    setattr(mgr, attr, obj)
            for key in list(vars(mgr)):
                if key not in mgr_inst:
                    flag("transformateurs")
                    delattr(mgr, key)
                elif callable(mgr_inst[key]) and vars(mgr)[key] is not mgr_inst[key]:
                    flag("transformateurs")
                    setattr(mgr, key, mgr_inst[key])
            cur = ip.input_transformers_post
            if len(cur) != len(post) or any(a is not b for a, b in zip(cur, post)):
                flag("transformateurs")
                ip.input_transformers_post = list(post)
            cur = ip.ast_transformers
            if len(cur) != len(ast_tr) or any(a is not b for a, b in zip(cur, ast_tr)):
                flag("transformateurs")
                ip.ast_transformers = list(ast_tr)
            if ip.custom_exceptions != custom_exc or ip.__dict__.get("CustomTB") is not custom_tb:
                flag("gestionnaire_exceptions")
                ip.custom_exceptions = custom_exc
                if custom_tb is None:
                    ip.__dict__.pop("CustomTB", None)
                else:
                    ip.CustomTB = custom_tb
            for n in shell_names:
                code = "showtraceback" if "traceback" in n or "syntaxerror" in n else "shell"
                inst = ip.__dict__.get(n, None)
                if inst is not shell_inst.get(n, None):
                    flag(code)
                    if n in shell_inst:
                        ip.__dict__[n] = shell_inst[n]
                    else:
                        ip.__dict__.pop(n, None)
                if getattr(shell_cls, n, None) is not shell_cls_vals[n]:
                    flag(code)
                    setattr(shell_cls, n, shell_cls_vals[n])
            if kernel is not None:
                for n in kernel_names:
                    if kernel.__dict__.get(n, None) is not kernel_inst.get(n, None):
                        flag("shell")
                        if n in kernel_inst:
                            kernel.__dict__[n] = kernel_inst[n]
                        else:
                            kernel.__dict__.pop(n, None)
                    if getattr(type(kernel), n, None) is not kernel_cls_vals[n]:
                        flag("shell")
                        setattr(type(kernel), n, kernel_cls_vals[n])
            cbs = ip.events.callbacks
            for k in set(cbs) | set(events):
                cur = cbs.get(k, [])
                ref = events.get(k, [])
                if len(cur) != len(ref) or any(a is not b for a, b in zip(cur, ref)):
                    flag("evenements")
                    cbs[k] = list(ref)
            for n, v in b_vals.items():
                if getattr(builtins, n, None) is not v:
                    flag("builtins")
                    setattr(builtins, n, v)
            if (sys.gettrace(), sys.getprofile()) != trace:
                flag("trace")
                sys.settrace(trace[0])
                sys.setprofile(trace[1])
            for name, (mod, attrs) in watched.items():
                if sys.modules.get(name) is not mod:
                    flag("verificateur")
                    sys.modules[name] = mod
                d = vars(mod)
                for key, val in attrs.items():
                    if d.get(key) is not val:
                        flag("verificateur")
                        d[key] = val
            user_ns = ip.user_ns
            for n, v in check_names.items():
                if n in user_ns and user_ns[n] is not v:
                    flag("verificateur")
                    user_ns[n] = v
        except BaseException as exc:  # noqa: BLE001 - report, never raise
            flag("garde:" + type(exc).__name__)
        return nonce + "|" + call_nonce + "|" + json.dumps(found)

    mod = types.ModuleType(modname)
    mod.run = run
    sys.modules[modname] = mod
    return nonce + "|installed"
"""


def install_expression(nonce: str, modname: str) -> str:
    """Expression evaluated once, before any student code, to install the guard."""
    return (
        "(lambda __g: (exec(__g['src'], __g), __g['_kit_make_guard']"
        f"({nonce!r}, {modname!r}))[1])({{'src': {GUARD_SOURCE!r}}})"
    )


def call_expression(modname: str, call_nonce: str) -> str:
    """Expression evaluated before/after each test cell."""
    return f"__import__('sys').modules[{modname!r}].run({call_nonce!r})"


def parse_reply(text: str | None, nonce: str, call_nonce: str) -> list[str] | None:
    """Return the tamper codes of a guard reply, or None when the reply is not genuine."""
    import ast
    import json

    if not text:
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    if not isinstance(value, str):
        return None
    parts = value.split("|", 2)
    if len(parts) != 3 or parts[0] != nonce or parts[1] != call_nonce:
        return None
    try:
        codes = json.loads(parts[2])
    except ValueError:
        return None
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        return None
    return codes
