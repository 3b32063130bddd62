#!/usr/bin/env python3
"""A client of `helpdesk serve` that is not written in Swift: Python's standard library
only (the protocol needs nothing but socket and json), so it shows what any other
language needs to speak it.

    rpc_client.py tour SOCKET USER      every kind of call, as an employee
    rpc_client.py steady SOCKET STOP    a well-behaved client: files tickets and reads
                                        them back until the file STOP exists
    rpc_client.py fuzz SOCKET SEED N    at least N malformed frames over many connections
    rpc_client.py mine SOCKET           hello, then tickets.mine

Each mode prints one JSON object (its summary) as the last line of standard output; the
Swift tests (DaemonProtocolTests.swift) decide what is right. A mode exits 0 unless the
client itself broke (a bug here, not in the daemon).
"""

import json
import os
import random
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

MAX_FRAME = 1 << 20
HELPDESK_CODES = {-32001, -32002, -32003, -32004, -32005, -32006}


class Closed(Exception):
    """The daemon closed the connection."""


class Connection:
    """One connection: requests out, one JSON object per line in."""

    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""
        self.next_id = 0
        self.pushed = []  # notifications read while waiting for an answer

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, obj):
        self.sock.sendall(json.dumps(obj, separators=(",", ":")).encode() + b"\n")

    def read_line(self):
        while b"\n" not in self.buffer:
            try:
                chunk = self.sock.recv(1 << 16)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                raise Closed()
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def read_message(self):
        return json.loads(self.read_line())

    def request(self, method, params=None, id=None, omit_params=False):
        """Sends a request and returns its answer; notifications meanwhile go to `pushed`."""
        if id is None:
            self.next_id += 1
            id = self.next_id
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if not omit_params:
            message["params"] = {} if params is None else params
        self.send(message)
        while True:
            answer = self.read_message()
            if "id" not in answer and "method" in answer:
                self.pushed.append(answer)
                continue
            if answer.get("id") != id:
                raise AssertionError("answer to another request: %r" % (answer,))
            return answer

    def hello(self):
        return self.request("hello", {"version": 1})


def error_of(answer):
    error = answer.get("error")
    if not isinstance(error, dict):
        return None
    data = error.get("data")
    return {"code": error.get("code"), "data": data.get("code") if isinstance(data, dict) else None}


def draft(title, summary="filed by rpc_client.py"):
    return {"title": title, "category": "general", "priority": "P3", "summary": summary, "transcript": []}


# --- tour: every kind of call -------------------------------------------------------


def tour(path, user):
    summary = {}
    first = Connection(path)
    # Before hello, only hello may be called.
    early = first.request("tickets.mine")
    summary["beforeHello"] = error_of(early)
    hello = first.hello()
    result = hello.get("result", {})
    summary["hello"] = {
        "version": result.get("version"),
        "user": result.get("identity", {}).get("user"),
        "isDemoAgent": result.get("identity", {}).get("isDemoAgent"),
        "role": result.get("role"),
        "hostIsText": isinstance(result.get("host"), str),
        "userMatches": result.get("identity", {}).get("user") == user,
    }

    # Changes first, so the ticket filed below is pushed to us.
    summary["subscribe"] = first.request("changes.subscribe").get("result")

    started = first.request("conversation.start").get("result", {})
    conversation = started.get("conversation")
    summary["conversation"] = conversation

    # conversation.send with a string id: the pushed events name it in `call`.
    call = "ask-the-vpn-question"
    first.send({"jsonrpc": "2.0", "id": call, "method": "conversation.send",
                "params": {"conversation": conversation, "message": "vpn keeps disconnecting"}})
    events = []
    foreign = []
    answer = None
    while answer is None:
        message = first.read_message()
        if message.get("method") == "reply" and "id" not in message:
            if message["params"].get("call") == call:
                events.append(message["params"]["event"])
            else:
                foreign.append(message)
        elif message.get("method") == "change" and "id" not in message:
            first.pushed.append(message)
        elif message.get("id") == call:
            answer = message
        else:
            foreign.append(message)
    types = [event.get("type") for event in events]
    texts = [event["text"] for event in events if event.get("type") == "text"]
    done = events[-1] if events else {}
    reply = done.get("reply", {}) if done.get("type") == "done" else {}
    sources = [s.get("article") for event in events if event.get("type") == "sources" for s in event.get("sources", [])]
    summary["send"] = {
        "result": answer.get("result"),
        "eventTypes": sorted(set(types)),
        "textPieces": len(texts),
        "lastEvent": types[-1] if types else None,
        "doneCount": types.count("done"),
        "kind": reply.get("kind"),
        "textJoinedEqualsReply": "".join(texts) == reply.get("text"),
        "textStart": "".join(texts)[:60],
        "sources": sources,
        "foreign": len(foreign),
    }
    recent = first.request("conversation.recent", {"conversation": conversation, "limit": 10}).get("result") or []
    summary["recentRoles"] = [message.get("role") for message in recent]

    filed = first.request("tickets.file", {"draft": draft("VPN drops every hour", "It keeps disconnecting."),
                                           "conversation": conversation}).get("result", {})
    summary["filed"] = {key: filed.get(key) for key in ("id", "requester", "title", "status", "priority", "category")}
    mine = first.request("tickets.mine").get("result")
    summary["mineIDs"] = [ticket.get("id") for ticket in mine] if isinstance(mine, list) else None
    got = first.request("tickets.get", {"id": filed.get("id")}).get("result") or {}
    summary["getMatchesFiled"] = got.get("ticket") == filed
    summary["getHistory"] = [entry.get("kind") for entry in got.get("history") or []]
    comment = first.request("tickets.comment", {"id": filed.get("id"), "text": "Still dropping after a restart."})
    summary["comment"] = error_of(comment) or "ok"

    # A tool request: reset_password waits for an agent.
    request = first.request("requests.file", {"tool": "reset_password", "arguments": {"account": "vpn"}})
    filed_request = request.get("result") or {}
    summary["request"] = {"state": filed_request.get("state"), "tool": (filed_request.get("call") or {}).get("tool"),
                          "requester": filed_request.get("requester"), "error": error_of(request)}
    if isinstance(filed_request.get("id"), int):
        again = first.request("requests.get", {"id": filed_request["id"]}).get("result") or {}
        summary["requestReadBack"] = again.get("id") == filed_request["id"]

    # The change feed pushes the ticket we filed (it polls every 100 ms).
    deadline = time.time() + 10
    first.sock.settimeout(0.5)
    while time.time() < deadline and not any(
        push.get("method") == "change" and push["params"]["event"].get("subject") == filed.get("id")
        for push in first.pushed
    ):
        try:
            message = first.read_message()
            if "id" not in message and "method" in message:
                first.pushed.append(message)
        except (socket.timeout, TimeoutError):
            pass
    first.sock.settimeout(30)
    changes = [push["params"]["event"] for push in first.pushed if push.get("method") == "change"]
    summary["changes"] = sorted({(event.get("kind"), event.get("subject") == filed.get("id")) for event in changes})
    summary["changeCarriesTicket"] = any(
        (event.get("ticket") or {}).get("title") == "VPN drops every hour" for event in changes)

    # Wrong parameter types: invalid params, and the id is echoed.
    wrong = first.request("tickets.get", {"id": "one"}, id="wrong-types")
    summary["wrongTypes"] = {"error": error_of(wrong), "id": wrong.get("id")}
    wrong_nested = first.request("tickets.file", {"draft": {"title": 5}, "conversation": None})
    summary["wrongNestedTypes"] = error_of(wrong_nested)
    # An employee calling agents-only methods.
    summary["forbidden"] = error_of(first.request("approvals.pending"))
    summary["forbiddenQueue"] = error_of(first.request("tickets.queue", {"includingFinished": False}))
    summary["unknownMethod"] = error_of(first.request("tickets.delete", {"id": 1}))
    summary["notFound"] = error_of(first.request("tickets.get", {"id": 999999}))
    summary["tooLarge"] = error_of(first.request("conversation.send",
                                                 {"conversation": conversation, "message": "x" * 20000}))
    summary["wrongVersion"] = error_of(first.request("hello", {"version": 2}))

    # A notification (no id) is never answered: the next answer is the next request's.
    first.send({"jsonrpc": "2.0", "method": "tickets.mine"})
    after = first.request("tickets.mine", id="after-notification")
    summary["notificationUnanswered"] = after.get("id") == "after-notification"

    # Pipelined requests on one connection are each answered, with their own ids.
    for number in range(20):
        first.send({"jsonrpc": "2.0", "id": 1000 + number, "method": "tickets.get", "params": {"id": filed.get("id")}})
    seen = set()
    while len(seen) < 20:
        message = first.read_message()
        if "id" in message:
            seen.add(message["id"])
    summary["pipelined"] = sorted(seen) == list(range(1000, 1020))

    summary["lateReplyEvents"] = sum(1 for push in first.pushed if push.get("method") == "reply")

    # A second connection is the same user, and sees the same ticket.
    second = Connection(path)
    second.hello()
    summary["secondSeesTicket"] = [t.get("id") for t in second.request("tickets.mine").get("result") or []]
    second.close()
    first.close()
    print(json.dumps(summary, sort_keys=True))


# --- steady: a well-behaved client under load --------------------------------------


def steady(path, stop_file):
    """Files tickets and checks tickets.mine answers exactly them, until `stop_file` exists."""
    connection = Connection(path, timeout=30)
    connection.hello()
    filed = {}
    problems = []
    calls = []  # (time, seconds) of each correct tickets.mine

    def file_one():
        title = "steady ticket %d" % (len(filed) + 1)
        answer = connection.request("tickets.file", {"draft": draft(title), "conversation": None})
        ticket = answer.get("result") or {}
        if ticket.get("title") != title:
            problems.append({"filing": answer})
        else:
            filed[ticket["id"]] = title

    file_one()
    print("ready", flush=True)
    count = 0
    while not os.path.exists(stop_file):
        count += 1
        if count % 40 == 0 and len(filed) < 12:
            file_one()
        started = time.time()
        try:
            answer = connection.request("tickets.mine")
        except (Closed, OSError) as error:
            problems.append({"connection": repr(error)})
            break
        took = time.time() - started
        tickets = answer.get("result")
        got = {t.get("id"): t.get("title") for t in tickets} if isinstance(tickets, list) else None
        if got != filed:
            if len(problems) < 20:
                problems.append({"expected": sorted(filed.items()),
                                 "got": sorted(got.items()) if got is not None else answer})
        else:
            calls.append((started, took))
        time.sleep(0.005)
    connection.close()
    print(json.dumps({
        "correct": len(calls),
        "calls": count,
        "problems": problems,
        "filed": sorted(filed),
        "titles": [filed[k] for k in sorted(filed)],
        "times": [round(t, 3) for t, _ in calls],
        "slowest": round(max((took for _, took in calls), default=0), 3),
    }, sort_keys=True))


# --- fuzz: malformed frames ---------------------------------------------------------

# Methods, with well-typed params (which the fuzzer only ever breaks) and each field's
# type: int, str, bool, opt-int, date, opt-date, opt-str, draft, args, status, priority, or nested fields.
TYPED = {
    "hello": {"version": "int"},
    "conversation.send": {"conversation": "int", "message": "str"},
    "conversation.messages": {"conversation": "int", "after": "int"},
    "conversation.recent": {"conversation": "int", "limit": "int", "before": "opt-date"},
    "requests.file": {"tool": "str", "arguments": "args"},
    "requests.get": {"id": "int"},
    "requests.run": {"id": "int"},
    "approvals.decide": {"id": "int", "approve": "bool", "note": "opt-str"},
    "tickets.file": {"draft": "draft", "conversation": "opt-int"},
    "tickets.get": {"id": "int"},
    "tickets.queue": {"includingFinished": "bool"},
    "tickets.comment": {"id": "int", "text": "str"},
    "tickets.assign": {"id": "int", "user": "str"},
    "tickets.setStatus": {"id": "int", "status": "status"},
    "tickets.setPriority": {"id": "int", "priority": "priority"},
    "tickets.setQueue": {"id": "int", "queue": "str"},
    "tickets.confirmResolution": {"id": "int", "fixed": "bool", "rating": "opt-int"},
    "audit.entries": {"limit": "opt-int"},
    "reports.get": {"since": "date", "until": "date"},
}
# Methods without params: the daemon accepts any params there, even `5` or `"x"` (JSON-RPC
# 2.0 allows only an object or an array), so the fuzzer accepts any answer.
UNTYPED = ["conversation.start", "conversation.resume", "requests.approved", "approvals.pending", "tickets.mine",
           "agents.list", "queues.mine", "audit.verify", "changes.subscribe"]
# A draft's transcript may be left out (or null): a ticket filed outside a conversation.
DRAFT_FIELDS = {"title": "str", "category": "str", "priority": "priority", "summary": "str", "transcript": "opt-strs"}

HUGE = ["1e400", "-1e400", "123456789012345678901234567890", "-98765432109876543210", "9223372036854775808",
        "1.5", "-0.25", "1E+999"]


def good_value(kind, rng):
    return {
        "int": lambda: rng.choice([0, -1, 999999999]),
        "opt-int": lambda: None,
        "opt-date": lambda: None,
        "date": lambda: rng.choice([0, 1700000000.5]),
        "str": lambda: rng.choice(["", "x", "fuzz ✓"]),
        "opt-str": lambda: None,
        "bool": lambda: rng.choice([True, False]),
        "args": lambda: {"account": "vpn"},
        "status": lambda: "closed",
        "priority": lambda: "P3",
        "opt-strs": lambda: [],
        "draft": lambda: {"title": "never filed", "category": "general", "priority": "P3", "summary": "s",
                          "transcript": []},
    }[kind]()


def wrong_values(kind, rng):
    """JSON texts of the wrong type for `kind` (each one refused by the decoder)."""
    nested = "[" * 30 + "]" * 30
    common = ['"7"', "true", "[]", "{}", nested, '{"a":{"b":[1,2,{"c":null}]}}']
    if kind in ("int", "opt-int"):
        values = common + HUGE + ['"\\u0000"', "[1]"]
        if kind == "int":
            values.append("null")
        return values
    if kind in ("str", "opt-str"):
        values = ["7", "-0", "1e400", "false", "[]", "{}", '["a"]', nested]
        if kind == "str":
            values.append("null")
        return values
    if kind in ("date", "opt-date"):  # seconds since 1970: any JSON number is a date
        values = ['"7"', '"2026-11-24"', "true", "[]", "{}", nested]
        if kind == "date":
            values.append("null")
        return values
    if kind == "bool":
        return ["0", "1", '"true"', '"false"', "null", "[]", "{}", "1e400"]
    if kind == "args":
        return ['{"account":5}', '{"account":null}', '{"account":[]}', '["vpn"]', '"account=vpn"', "null", "7"]
    if kind == "status":
        return ['"reopened"', '"CLOSED"', '"new "', "1", "null", "[]", '""']
    if kind == "priority":
        return ['"P9"', '"p3"', '"P"', "3", "null", '["P3"]']
    if kind == "opt-strs":
        return ["[1]", '"line"', "[null]", '[["a"]]', "{}", "7"]
    if kind == "draft":
        return ["null", '"draft"', "[]", "7", '{"title":"t"}']
    raise KeyError(kind)


def params_text(fields, rng, broken):
    """The params object as JSON text with field `broken` given a wrong value."""
    parts = []
    for name, kind in fields.items():
        if name == broken[0]:
            parts.append('"%s":%s' % (name, broken[1]))
        elif kind == "draft" and broken[0].startswith("draft."):
            inner = []
            for field, field_kind in DRAFT_FIELDS.items():
                if "draft." + field == broken[0]:
                    inner.append('"%s":%s' % (field, broken[1]))
                else:
                    inner.append('"%s":%s' % (field, json.dumps(good_value(field_kind, rng))))
            parts.append('"draft":{%s}' % ",".join(inner))
        else:
            parts.append('"%s":%s' % (name, json.dumps(good_value(kind, rng))))
    rng.shuffle(parts)
    return "{%s}" % ",".join(parts)


def every_wrong_typed_field():
    """(method, field, wrong JSON) for every field of every method with params."""
    rng = random.Random(0)
    cases = []
    for method, fields in TYPED.items():
        for name, kind in fields.items():
            if kind == "draft":
                for field, field_kind in DRAFT_FIELDS.items():
                    for value in wrong_values(field_kind, rng):
                        cases.append((method, "draft." + field, value))
            for value in wrong_values(kind, rng):
                cases.append((method, name, value))
        # A missing required field.
        required = [name for name, kind in fields.items() if not kind.startswith("opt-")]
        for name in required:
            cases.append((method, name, None))
    return cases


WRONG_TYPED = every_wrong_typed_field()

# An expectation: ("id", key, codes) exactly one answer with that id and an error code in
# codes ("result" allows a result); ("null", codes) one answer with id null; ("maybe", key,
# codes) one answer, with that id or null (a frame near the decoder's depth limit);
# ("none",) no answer at all.


def key_of(value):
    return ("s", value) if isinstance(value, str) else ("i", value)


class Frames:
    """Generates bad frames for one connection, each with what the daemon must answer."""

    def __init__(self, rng, tag, greeted):
        self.rng = rng
        self.tag = tag
        self.greeted = greeted
        self.counter = 0

    def fresh_id(self):
        self.counter += 1
        if self.rng.random() < 0.5:
            return self.tag * 10_000_000 + self.counter
        suffix = self.rng.choice(["", " é✓", "\\\"quoted\\\"", "\u0000nul", "\t", "🙂"])
        return "c%d-%d%s" % (self.tag, self.counter, suffix)

    def envelope(self, method, params_json, id_value=None, id_json=None):
        if id_json is None:
            id_json = json.dumps(id_value)
        parts = ['"jsonrpc":"2.0"', '"id":%s' % id_json, '"method":%s' % json.dumps(method)]
        if params_json is not None:
            parts.append('"params":%s' % params_json)
        self.rng.shuffle(parts)
        return ("{%s}" % ",".join(parts)).encode()

    def refused_before_hello(self, codes):
        return codes if self.greeted else {-32600}

    def next(self):
        rng = self.rng
        kind = rng.choices(
            ["random", "truncated", "nested", "wrong-params", "untyped-params", "huge", "unknown", "ids",
             "envelope", "encoding", "semantic", "notification"],
            weights=[14, 12, 6, 24, 4, 6, 6, 10, 6, 6, 4, 2])[0]
        return kind, getattr(self, "make_" + kind.replace("-", "_"))()

    def make_random(self):
        rng = self.rng
        length = rng.choice([0, 1, 2, rng.randint(3, 40), rng.randint(40, 400)])
        data = bytearray(rng.getrandbits(8) for _ in range(length))
        data = data.replace(b"\n", b"\x00")
        # Never the start of a JSON object, so never a request (leading whitespace and a
        # byte-order mark are skipped by the decoder).
        if data and (data[0] in b" \t\r{\xef"):
            data[0] = ord("#")
        return bytes(data), ("null", {-32700})

    def make_truncated(self):
        rng = self.rng
        frame, _ = self.make_wrong_params() if rng.random() < 0.5 else self.semantic_frame()
        cut = rng.randint(0, len(frame) - 1)
        # A strict prefix of a JSON object is never a JSON object.
        return frame[:cut], ("null", {-32700})

    def make_nested(self):
        rng = self.rng
        depth = rng.choice([rng.randint(1, 400), rng.randint(400, 600), rng.randint(600, 5000),
                           rng.randint(100_000, 400_000)] if rng.random() < 0.01 else
                           [rng.randint(1, 400), rng.randint(400, 600), rng.randint(600, 5000)])
        id_value = self.fresh_id()
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        depth = min(depth, (MAX_FRAME - 200) // (len(opener) + len(closer)))  # never oversized
        inner = opener * depth + ("1" if opener != "[" else "") + closer * depth
        where = rng.choice(["bare", "param", "extra"])
        if where == "bare":
            # Nested objects under the depth limit are an object, but not a request.
            return inner.encode(), ("null", {-32700, -32600})
        if where == "param":
            frame = self.envelope("tickets.get", '{"id":%s}' % inner, id_value)
            codes = self.refused_before_hello({-32602})
        else:
            frame = ('{"jsonrpc":"2.0","id":%s,"method":"tickets.mine","extra":%s}' % (json.dumps(id_value), inner)).encode()
            codes = self.refused_before_hello({"result"})
        # Over the decoder's depth limit (512) the whole frame is unreadable.
        if depth < 400:
            return frame, ("id", key_of(id_value), codes)
        if depth > 600:
            return frame, ("null", {-32700, -32600})
        return frame, ("maybe", key_of(id_value), codes | {-32700})

    def make_wrong_params(self):
        rng = self.rng
        method, field, value = rng.choice(WRONG_TYPED)
        id_value = self.fresh_id()
        fields = TYPED[method]
        if value is None:
            params = params_text({k: v for k, v in fields.items() if k != field}, rng, ("", ""))
        else:
            params = params_text(fields, rng, (field, value))
        codes = {-32602} if (self.greeted or method == "hello") else {-32600}
        return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)

    def make_untyped_params(self):
        rng = self.rng
        method = rng.choice(UNTYPED)
        id_value = self.fresh_id()
        params = rng.choice(['5', '"x"', "[1,2]", "true", "null", "{}", '{"unexpected":[[[]]]}', "1e400"])
        codes = ({"result"} | HELPDESK_CODES | {-32602}) if self.greeted else {-32600}
        return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)

    def make_huge(self):
        rng = self.rng
        method = rng.choice(["tickets.get", "requests.get", "requests.run", "tickets.comment", "conversation.recent"])
        id_value = self.fresh_id()
        number = rng.choice(HUGE + ["1" * rng.randint(20, 5000), "-" + "9" * rng.randint(20, 5000),
                                    "0." + "0" * 3000 + "1e99999"])
        fields = TYPED[method]
        field = rng.choice([name for name, kind in fields.items() if kind == "int"])
        params = params_text(fields, rng, (field, number))
        codes = {-32602} if self.greeted else {-32600}
        return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)

    def make_unknown(self):
        rng = self.rng
        id_value = self.fresh_id()
        name = rng.choice(["tickets.delete", "", "HELLO", "hello ", " hello", "rpc.discover", "tickets.mine\u0000",
                           "tickets", "tickets.", ".mine", "conversation.start.x", "x" * rng.randint(1, 20000),
                           "tickets.get\u202e", "approvals.pendıng", "changes/subscribe"])
        params = rng.choice([None, "{}", '{"id":1}', "[]"])
        return self.envelope(name, params, id_value), ("id", key_of(id_value), {-32601})

    def make_ids(self):
        """Ids of every JSON type, on a method that would otherwise answer."""
        rng = self.rng
        method, params, codes = rng.choice([
            ("tickets.mine", None, {"result"}),
            ("no.such.method", "{}", {-32601}),
            ("tickets.get", '{"id":"x"}', {-32602}),
        ])
        if method != "no.such.method":
            codes = self.refused_before_hello(codes)
        choice = rng.choice(["int", "negative", "string", "float", "exp", "bool", "null", "absent", "array",
                             "object", "huge", "nested"])
        if choice == "int":
            id_value = self.fresh_id()
            if isinstance(id_value, str):
                id_value = self.tag * 10_000_000 + self.counter
            return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)
        if choice == "negative":
            self.counter += 1
            id_value = -(self.tag * 10_000_000 + self.counter)
            return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)
        if choice == "string":
            self.counter += 1
            id_value = "c%d-%d-%s" % (self.tag, self.counter, rng.choice(["", "🙂", "\\", "\u2028", "é" * 300]))
            return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)
        if choice in ("null", "absent"):
            # A notification: never answered, whatever it asks.
            frame = self.envelope(method, params, id_json="null")
            if choice == "absent":
                frame = ('{"jsonrpc":"2.0","method":%s%s}' % (
                    json.dumps(method), "" if params is None else ',"params":%s' % params)).encode()
            return frame, ("none",)
        id_json = {
            "float": "%d.5" % rng.randint(-10**6, 10**6),
            "exp": rng.choice(["1e400", "-1e400", "1.25e1", "2E-3"]),
            "bool": rng.choice(["true", "false"]),
            "array": rng.choice(["[]", "[1]", '["a",{}]']),
            "object": rng.choice(["{}", '{"id":1}']),
            "huge": rng.choice(["123456789012345678901234567890", "-9223372036854775809", "9223372036854775808"]),
            "nested": "[" * 20 + "]" * 20,
        }[choice]
        # The id cannot be read, so neither can the request: answered with id null.
        return self.envelope(method, params, id_json=id_json), ("null", {-32700, -32600})

    def make_envelope(self):
        """A JSON object that is not a request: jsonrpc or method missing or mistyped."""
        rng = self.rng
        id_value = self.fresh_id()
        id_json = json.dumps(id_value)
        choice = rng.choice(["no-jsonrpc", "old-jsonrpc", "jsonrpc-number", "no-method", "method-null",
                             "method-number", "method-array", "array", "string", "number", "batch"])
        if choice == "no-jsonrpc":
            return ('{"id":%s,"method":"tickets.mine"}' % id_json).encode(), ("id", key_of(id_value), {-32600})
        if choice == "old-jsonrpc":
            return ('{"jsonrpc":"1.0","id":%s,"method":"tickets.mine"}' % id_json).encode(), (
                "id", key_of(id_value), {-32600})
        if choice == "no-method":
            return ('{"jsonrpc":"2.0","id":%s}' % id_json).encode(), ("id", key_of(id_value), {-32600})
        if choice == "method-null":
            return ('{"jsonrpc":"2.0","id":%s,"method":null}' % id_json).encode(), ("id", key_of(id_value), {-32600})
        # Valid JSON whose jsonrpc or method has the wrong type, or that is no object: the
        # daemon answers -32700 here, where JSON-RPC 2.0 says -32600 (the Swift test keeps
        # that as a known issue).
        frame = {
            "jsonrpc-number": '{"jsonrpc":2.0,"id":%s,"method":"tickets.mine"}' % id_json,
            "method-number": '{"jsonrpc":"2.0","id":%s,"method":5}' % id_json,
            "method-array": '{"jsonrpc":"2.0","id":%s,"method":["tickets.mine"]}' % id_json,
            "array": '["jsonrpc","2.0"]',
            "string": '"{\\"jsonrpc\\":\\"2.0\\"}"',
            "number": rng.choice(["0", "-1", "1e400", "null", "true"]),
            "batch": '[{"jsonrpc":"2.0","id":%s,"method":"tickets.mine"}]' % id_json,
        }[choice]
        return frame.encode(), ("null", {-32700, -32600})

    def make_encoding(self):
        """Bytes that are not UTF-8, raw NUL and control bytes, unpaired surrogates: in a
        param the helpdesk would store (a ticket's title), in one read as a number, in a
        key, and around the frame. None may ever be stored."""
        rng = self.rng
        id_value = self.fresh_id()
        bad = rng.choice([b"\xff\xfe\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"a\x00b", b"\x01\x1b[2J",
                          b"\x7f\x9b", b"\\ud800", b"\\udfff x", b"\\ud83d\\u0041"])
        where = rng.choice(["title", "number", "key", "nul-after", "nul-before"])
        if where in ("nul-after", "nul-before"):
            frame = self.envelope("tickets.mine", None, id_value)
            return (frame + b"\x00" if where == "nul-after" else b"\x00" + frame), ("null", {-32700})
        method, params, codes = {
            "title": ("tickets.file", b'{"conversation":null,"draft":{"title":"bad ' + bad +
                      b'","category":"c","priority":"P3","summary":"s","transcript":[]}}', {-32602}),
            "number": ("tickets.get", b'{"id":"' + bad + b'"}', {-32602}),
            "key": ("tickets.get", b'{"id":0,"' + bad + b'":1}', {-32002, -32602}),
        }[where]
        frame = b'{"jsonrpc":"2.0","id":%s,"method":"%s","params":%s}' % (
            json.dumps(id_value).encode(), method.encode(), params)
        # The decoder reads a string only when it needs it: the frame may be refused as
        # invalid params (-32602, with its id) instead of as unreadable (-32700, id null).
        return frame, ("maybe", key_of(id_value), self.refused_before_hello(codes) | {-32700})

    def semantic_frame(self):
        """Well-typed, but refused by the helpdesk: never changes anything."""
        rng = self.rng
        id_value = self.fresh_id()
        method, params, codes = rng.choice([
            ("tickets.get", '{"id":%d}' % rng.choice([0, -1, 2**63 - 1, -2**63]), {-32002}),
            ("requests.run", '{"id":%d}' % rng.choice([0, -1, 2**63 - 1]), {-32002, -32001}),
            ("conversation.send", '{"conversation":-1,"message":"hi"}', {-32002}),
            ("conversation.send", '{"conversation":0,"message":"%s"}' % ("x" * 17000), {-32005, -32002}),
            ("tickets.file", '{"draft":{"title":"  ","category":"c","priority":"P3","summary":"s","transcript":[]},'
                             '"conversation":null}', {-32003}),
            ("tickets.file", '{"draft":{"title":"%s","category":"c","priority":"P1","summary":"s","transcript":[]},'
                             '"conversation":null}' % ("t" * 501), {-32003, -32005}),
            ("tickets.file", '{"draft":{"title":"t","category":"c","priority":"P2","summary":"s","transcript":[]},'
                             '"conversation":-5}', {-32002}),
            ("approvals.decide", '{"id":1,"approve":true,"note":"fuzz"}', {-32001}),
            ("tickets.assign", '{"id":1,"user":"root"}', {-32001}),
            ("tickets.queue", '{"includingFinished":true}', {-32001}),
            ("tickets.setQueue", '{"id":1,"queue":"netops"}', {-32001}),
            ("queues.mine", '{}', {-32001}),
            ("audit.entries", '{"limit":5}', {-32001}),
            ("audit.verify", '{}', {-32001}),
            ("reports.get", '{"since":0,"until":1700000000}', {-32001}),
            ("hello", '{"version":%d}' % rng.choice([0, 2, -1, 2**63 - 1]), {-32003}),
            ("requests.file", '{"tool":"rm -rf /","arguments":{}}', HELPDESK_CODES),
            ("requests.file", '{"tool":"reset_password","arguments":{"account":"root; reboot"}}', HELPDESK_CODES),
        ])
        if method != "hello":
            codes = self.refused_before_hello(codes)
        return self.envelope(method, params, id_value), ("id", key_of(id_value), codes)

    def make_semantic(self):
        return self.semantic_frame()

    def make_notification(self):
        """A request with everything right but its id: never run, never answered."""
        rng = self.rng
        method, params = rng.choice([
            ("tickets.file", '{"draft":{"title":"from a notification","category":"c","priority":"P3","summary":"s",'
                             '"transcript":[]},"conversation":null}'),
            ("tickets.mine", None),
            ("no.such.method", "{}"),
            ("conversation.start", "{}"),
        ])
        frame = ('{"jsonrpc":"2.0","method":%s%s}' % (json.dumps(method), "" if params is None else ',"params":%s' % params))
        return frame.encode(), ("none",)


class Tally:
    """What every connection saw, merged under a lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.frames = 0
        self.kinds = {}
        self.codes = {}
        self.problems = []
        self.answers = 0
        self.pushed = 0
        self.connections = 0
        self.null_codes_by_kind = {}

    def add(self, **counts):
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def problem(self, description):
        with self.lock:
            if len(self.problems) < 50:
                self.problems.append(description)

    def count(self, table, key, by=1):
        with self.lock:
            table[key] = table.get(key, 0) + by


def check_answer(message, tally):
    """A well-formed JSON-RPC answer or notification; returns (id, code or 'result')."""
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
        tally.problem({"malformed answer": repr(message)[:300]})
        return None, None
    if "method" in message and "id" not in message:
        return "pushed", None
    if ("result" in message) == ("error" in message) or "id" not in message:
        tally.problem({"neither result nor error": repr(message)[:300]})
        return None, None
    if "result" in message:
        return message["id"], "result"
    error = message["error"]
    if not isinstance(error, dict) or not isinstance(error.get("code"), int) or not isinstance(error.get("message"), str):
        tally.problem({"malformed error": repr(message)[:300]})
        return message["id"], None
    code = error["code"]
    if code in HELPDESK_CODES and not isinstance((error.get("data") or {}).get("code"), str):
        tally.problem({"helpdesk error without data.code": repr(message)[:300]})
    if code == -32603:
        tally.problem({"internal error": repr(message)[:300]})
    tally.count(tally.codes, str(code))
    return message["id"], code


def fuzz_connection(path, seed, tag, frames_wanted, greeted, tally):
    """Sends `frames_wanted` bad frames in batches, checking each batch's answers."""
    rng = random.Random(seed * 100_003 + tag)
    generator = Frames(rng, tag, greeted)
    connection = Connection(path, timeout=30)
    tally.add(connections=1)
    try:
        if greeted:
            if "result" not in connection.hello():
                tally.problem({"tag": tag, "hello refused": True})
                return
        sent = 0
        while sent < frames_wanted:
            batch = min(frames_wanted - sent, rng.choice([1, 16, 64, 256]))
            lines = []
            wanted_ids = {}  # key -> (codes, required)
            nulls = {}  # frames answered with id null: kind -> count
            null_codes = set()
            expected = 0
            for _ in range(batch):
                kind, (frame, expectation) = generator.next()
                lines.append(frame)
                tally.count(tally.kinds, kind)
                if expectation[0] == "none":
                    continue
                expected += 1
                if expectation[0] == "null":
                    nulls[kind] = nulls.get(kind, 0) + 1
                    # Random bytes can happen to be a JSON value ("7"): then not a request, -32600.
                    null_codes |= expectation[1] | {-32600}
                else:
                    if expectation[0] == "maybe":
                        # Unreadable as a request: a parse error, or, when it is JSON, an invalid request.
                        null_codes |= {-32700, -32600}
                    if expectation[1] in wanted_ids:
                        tally.problem({"duplicate id generated": repr(expectation[1])})
                    wanted_ids[expectation[1]] = (expectation[2], expectation[0] == "id")
            connection.send_raw(b"\n".join(lines) + b"\n")
            sent += batch
            tally.add(frames=batch)
            received_nulls = 0
            received = 0
            deadline = time.time() + 30
            while received < expected:
                if time.time() > deadline:
                    tally.problem({"tag": tag, "missing answers": expected - received,
                                   "unanswered ids": [repr(k) for k in list(wanted_ids)[:5]]})
                    return
                message = connection.read_message()
                id_value, code = check_answer(message, tally)
                if id_value == "pushed":
                    tally.add(pushed=1)
                    continue
                received += 1
                tally.add(answers=1)
                if id_value is None:
                    received_nulls += 1
                    if code not in null_codes:
                        tally.problem({"tag": tag, "unexpected null-id answer": message})
                    continue
                key = key_of(id_value)
                if key not in wanted_ids:
                    tally.problem({"tag": tag, "answer with an id nobody sent here": message})
                    continue
                codes, _ = wanted_ids.pop(key)
                if code not in codes:
                    tally.problem({"tag": tag, "wrong code": message, "allowed": sorted(map(str, codes))})
            required_left = [key for key, (_, required) in wanted_ids.items() if required]
            if required_left:
                tally.problem({"tag": tag, "ids answered with null instead": [repr(k) for k in required_left[:5]]})
            if received_nulls != sum(nulls.values()) + len(wanted_ids) - len(required_left):
                tally.problem({"tag": tag, "null answers": received_nulls, "expected": sum(nulls.values())})
            for kind, count in nulls.items():
                tally.count(tally.null_codes_by_kind, kind, count)
        # Nothing else may come: a last request is the last answer.
        connection.send({"jsonrpc": "2.0", "id": "last-%d" % tag, "method": "no.such.method"})
        while True:
            message = connection.read_message()
            if message.get("id") == "last-%d" % tag:
                break
            if "id" in message:
                tally.problem({"tag": tag, "extra answer": message})
    except (Closed, OSError, ValueError) as error:
        tally.problem({"tag": tag, "connection failed": repr(error)})
    finally:
        connection.close()


def read_until_closed(connection, seconds):
    """Everything the daemon still sends, and whether it then closed the connection."""
    connection.sock.settimeout(seconds)
    data = connection.buffer
    try:
        while True:
            chunk = connection.sock.recv(1 << 16)
            if not chunk:
                return data, True
            data += chunk
    except ConnectionResetError:
        return data, True
    except (socket.timeout, TimeoutError):
        return data, False


def oversized(path, tag, variant, tally):
    """A frame over 1 MiB: one error answer (-32600, id null), then the connection closes;
    a neighbour connection is not disturbed. A frame of exactly 1 MiB is served."""
    neighbour = Connection(path)
    neighbour.hello()
    connection = Connection(path)
    connection.hello()
    before = connection.request("tickets.mine")
    head = b'{"jsonrpc":"2.0","id":"big-%d","method":"tickets.file","params":{"conversation":null,"draft":' \
           b'{"title":"oversized","category":"c","priority":"P3","transcript":[],"summary":"' % tag
    tail = b'"}}}'
    if variant == "exact":
        frame = head + b"s" * (MAX_FRAME - len(head) - len(tail)) + tail
        assert len(frame) == MAX_FRAME
        # The summary is too long for a ticket: refused by the helpdesk, but read and answered.
        connection.send_raw(frame + b"\n")
        answer = connection.read_message()
        error = error_of(answer) or {}
        ok = answer.get("id") == "big-%d" % tag and error.get("code") in HELPDESK_CODES
        still = connection.request("tickets.mine")
        result = {"variant": variant, "answeredById": ok, "stillOpen": "result" in still}
    else:
        if variant == "json":
            frame = head + b"s" * (MAX_FRAME + 1 - len(head) - len(tail)) + tail + b"\n"
        elif variant == "random":
            frame = bytes(random.Random(tag).getrandbits(8) for _ in range(4096)).replace(b"\n", b" ") * 300 + b"\n"
        elif variant == "no-newline":
            frame = b"[" * (MAX_FRAME + 4096)
        else:  # "later": a good frame, then an oversized line in the same write
            frame = b'{"jsonrpc":"2.0","id":"small","method":"tickets.mine"}\n' + b"x" * (3 * MAX_FRAME) + b"\n"
        try:
            connection.send_raw(frame)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the daemon closed before reading it all
        data, closed = read_until_closed(connection, 10)
        answers = [json.loads(line) for line in data.split(b"\n") if line]
        errors = [error_of(answer) for answer in answers if "error" in answer]
        result = {
            "variant": variant,
            "closed": closed,
            "errors": [e.get("code") for e in errors],
            "errorIDs": [answer.get("id") for answer in answers if "error" in answer],
            "results": [answer.get("id") for answer in answers if "result" in answer],
        }
    # The neighbour is still served.
    after = neighbour.request("tickets.mine")
    # (Its tickets may have changed meanwhile: the steady client files some.)
    result["neighbourServed"] = isinstance(after.get("result"), list) and isinstance(before.get("result"), list)
    neighbour.close()
    connection.close()
    tally.add(frames=1)
    return result


def cut_off(path, tag, seed, tally):
    """Frames without a final newline, then the connection closes: none of them runs."""
    rng = random.Random(seed * 7919 + tag)
    connection = Connection(path)
    greeted = rng.random() < 0.8
    if greeted:
        connection.hello()
    generator = Frames(rng, tag, greeted)
    frames = [generator.next()[1][0] for _ in range(rng.randint(0, 40))]
    last = rng.choice([
        b'{"jsonrpc":"2.0","id":"cut-%d","method":"tickets.file","params":{"conversation":null,"draft":'
        b'{"title":"cut off","category":"c","priority":"P3","summary":"s","transcript":[]}}}' % tag,
        b'{"jsonrpc":"2.0","id":"cut-%d","method":"tickets.fi' % tag,
        bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 3000))).replace(b"\n", b""),
    ])
    payload = b"".join(frame + b"\n" for frame in frames) + last
    try:
        if rng.random() < 0.5:
            connection.send_raw(payload)
        else:
            # Dribbled out in tiny writes (a long payload in larger ones, to keep it quick).
            step = 7 if len(payload) < 20_000 else 4096
            for start in range(0, len(payload), step):
                connection.send_raw(payload[start:start + step])
        if rng.random() < 0.5:
            connection.sock.shutdown(socket.SHUT_WR)
            read_until_closed(connection, 10)
    except OSError:
        pass
    connection.close()
    tally.add(frames=len(frames) + 1, connections=1)


def fuzz(path, seed, frames_wanted):
    tally = Tally()
    started = time.time()
    normal = 48
    per_connection = frames_wanted // normal + 1
    work = [("fuzz", tag) for tag in range(1, normal + 1)]
    work += [("big", index) for index in range(15)]
    work += [("cut", index) for index in range(150)]
    # Mixed, so oversized frames and cut-off connections meet the fuzzing ones.
    random.Random(seed).shuffle(work)
    variants = ["json", "random", "no-newline", "later", "exact"]
    with ThreadPoolExecutor(max_workers=12) as pool:
        jobs = []
        for what, number in work:
            if what == "fuzz":
                jobs.append((what, pool.submit(fuzz_connection, path, seed, number, per_connection, number % 5 != 0,
                                               tally)))
            elif what == "big":
                jobs.append((what, pool.submit(oversized, path, 1000 + number, variants[number % 5], tally)))
            else:
                jobs.append((what, pool.submit(cut_off, path, 2000 + number, seed, tally)))
        oversize = []
        for what, job in jobs:
            try:
                result = job.result()
            except Exception as error:  # a connection the daemon broke
                tally.problem({what: repr(error)})
                continue
            if what == "big":
                oversize.append(result)
    print(json.dumps({
        "seed": seed,
        "started": started,
        "finished": time.time(),
        "frames": tally.frames,
        "answers": tally.answers,
        "pushed": tally.pushed,
        "connections": tally.connections,
        "kinds": tally.kinds,
        "codes": tally.codes,
        "nullAnswersByKind": tally.null_codes_by_kind,
        "problems": tally.problems,
        "oversized": oversize,
    }, sort_keys=True))


def envelope_codes(path):
    """The code for valid JSON that is not a valid request (-32600 in JSON-RPC 2.0)."""
    connection = Connection(path)
    connection.hello()
    codes = {}
    for frame in [b'{"jsonrpc":2.0,"id":1,"method":"tickets.mine"}', b'{"jsonrpc":"2.0","id":true,"method":"x"}',
                  b'{"jsonrpc":"2.0","id":1.5,"method":"x"}', b'{"jsonrpc":"2.0","id":1,"method":5}', b'[]',
                  b'[{"jsonrpc":"2.0","id":1,"method":"tickets.mine"}]']:
        connection.send_raw(frame + b"\n")
        codes[frame.decode()] = error_of(connection.read_message())["code"]
    connection.close()
    return codes


def mine(path):
    connection = Connection(path)
    hello = connection.hello()
    tickets = connection.request("tickets.mine").get("result")
    print(json.dumps({
        "user": hello.get("result", {}).get("identity", {}).get("user"),
        "tickets": [{"id": t.get("id"), "title": t.get("title")} for t in tickets or []],
        "invalidRequestCodes": envelope_codes(path),
    }, sort_keys=True))
    connection.close()


def main(argv):
    mode, path = argv[1], argv[2]
    if mode == "tour":
        tour(path, argv[3])
    elif mode == "steady":
        steady(path, argv[3])
    elif mode == "fuzz":
        fuzz(path, int(argv[3]), int(argv[4]))
    elif mode == "mine":
        mine(path)
    else:
        raise SystemExit("unknown mode %s" % mode)


if __name__ == "__main__":
    main(sys.argv)
