"""``GET /export?format=F``: the exports of ``esgkg export`` over HTTP, streamed.

Parameters: ``format`` (graphml, gexf, cytoscape, nodelink, dot, neo4j), ``lang``, ``entity``,
``hops``, ``types`` (comma-separated), ``report`` (IRI or source file name), the same as the
command's options.

Like SPARQL queries, an export never runs in the server process: each request runs
``esgkg export`` over the store in a child process and streams its stdout to the client as
it is written, so a large graph is never held as one response body, and a client that goes
away stops the child. Options are checked here first (400 without starting anything); an
option only the store can judge (an unknown entity or report) is a 400 with the command's
one-line message. An export that has written nothing within the query timeout is stopped
(504); at most ``MAX_RUNNING`` run at once (503 after waiting as long).
"""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse

from kg.export import ExportError, check_format, selection

router = APIRouter()

MAX_RUNNING = 2
_CHUNK = 64 * 1024
_ROOT = Path(__file__).resolve().parent.parent
_PARAMS = ("format", "lang", "entity", "hops", "types", "report")


def _error(status: int, message: str, **headers: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _command(store: Path, params: dict[str, str]) -> list[str]:
    cmd = [sys.executable, "-m", "kg.cli", "export", "--store", str(store)]
    for name in _PARAMS:
        if params.get(name):
            cmd.append(f"--{name}={params[name]}")  # one token: a value starting with - stays a value
    return cmd


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.kill()
        await proc.wait()


@router.get("/export", name="export")
async def export(request: Request) -> Response:
    params = {k: v for k, v in request.query_params.items() if k in _PARAMS}
    unknown = sorted(set(request.query_params) - set(_PARAMS))
    if unknown:
        return _error(400, f"unknown parameter {unknown[0]!r}: use {', '.join(_PARAMS)}")
    if not params.get("format"):
        return _error(400, "give format=graphml, gexf, cytoscape, nodelink, dot or neo4j")
    try:
        fmt = check_format(params["format"])
        selection(lang=params.get("lang"), entity=params.get("entity"), hops=params.get("hops", 1),
                  types=params.get("types"), report=params.get("report"))
    except ExportError as e:
        return _error(400, str(e))
    params["format"] = fmt.name

    settings = request.app.state.settings
    if not settings.store.exists():
        return _error(503, f"no store at {settings.store}: run `esgkg build` first")
    timeout = settings.query_timeout
    state = request.app.state
    if getattr(state, "export_slots", None) is None:
        state.export_slots = asyncio.Semaphore(MAX_RUNNING)
    _slots = state.export_slots
    try:
        await asyncio.wait_for(_slots.acquire(), timeout)
    except TimeoutError:
        return _error(503, f"{MAX_RUNNING} exports are running; try again shortly", **{"Retry-After": "5"})

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(_ROOT), os.environ.get("PYTHONPATH")) if p)}
    try:
        proc = await asyncio.create_subprocess_exec(
            *_command(settings.store, params), cwd=_ROOT, env=env, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    except OSError as e:
        _slots.release()
        return _error(500, f"the export could not start: {e}")
    stderr = asyncio.ensure_future(proc.stderr.read())
    try:
        first = await asyncio.wait_for(proc.stdout.read(_CHUNK), timeout)
    except TimeoutError:
        await _stop(proc)
        _slots.release()
        return _error(504, f"the export wrote nothing within {timeout:g} s and was stopped; "
                           "narrow it (entity, hops, types, report) or run `esgkg export`")
    if not first:
        await proc.wait()
        message = (await stderr).decode("utf-8", "replace").strip().splitlines()
        _slots.release()
        if proc.returncode != 0:
            text = message[-1] if message else f"the export failed (exit {proc.returncode})"
            text = text.removeprefix("esgkg export: ")
            return _error(400 if proc.returncode == 2 else 500, text)

    async def body():
        try:
            chunk = first
            while chunk:
                yield chunk
                chunk = await proc.stdout.read(_CHUNK)
            await proc.wait()
        finally:
            await _stop(proc)
            stderr.cancel()
            _slots.release()

    if not first:
        return Response(b"", media_type=fmt.media_type)
    return StreamingResponse(body(), media_type=fmt.media_type, headers={
        "Content-Disposition": f'attachment; filename="{fmt.filename}"'})
