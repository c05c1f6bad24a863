"""Attachment files: fetched whole or by byte range, and sent in checked chunks that
resume at the offset the server reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from kcdesk.server.file_response import RangedFile
from kcdesk.server.http_common import (
    ERRORS,
    FILE_RESPONSES,
    SHA,
    DeviceDep,
    IdPath,
    ServerDep,
    ShaPath,
    http_error,
)
from kcdesk.sync.protocol import API_PREFIX, BlobInfo, UploadRequest, UploadState

router = APIRouter(prefix=API_PREFIX)


@router.get("/blobs/{sha256}", responses=FILE_RESPONSES)
def blob_get(
    grant: DeviceDep,
    server: ServerDep,
    sha256: ShaPath,
    range_: Annotated[str | None, Header(alias="range")] = None,  # documented; RangedFile reads it
) -> Response:
    # Not this device's file and not on the server answer alike: a hash is no right.
    path = server.blobs.path(sha256)
    if not server.blob_allowed(grant, sha256) or not path.exists():
        raise http_error(404, "no_blob", "Máy chủ chưa có tệp này.")
    return RangedFile(path)


@router.get("/blobs/{sha256}/info", response_model=BlobInfo, responses=ERRORS)
def blob_info(grant: DeviceDep, server: ServerDep, sha256: ShaPath) -> BlobInfo:
    size = server.blob_info(grant, sha256)
    if size is None:
        raise http_error(404, "no_blob", "Máy chủ chưa có tệp này.")
    return BlobInfo(sha256=sha256, size=size)


@router.post("/uploads", response_model=UploadState, responses=ERRORS)
def upload_start(req: UploadRequest, grant: DeviceDep, server: ServerDep) -> UploadState:
    return server.upload_start(grant, req.sha256, req.size)


@router.put(
    "/uploads/{upload_id}",
    response_model=UploadState,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            "required": True,
        }
    },
)
async def upload_chunk(
    request: Request,
    grant: DeviceDep,
    server: ServerDep,
    upload_id: IdPath,
    offset: Annotated[int, Query(ge=0, le=2**50)],
    x_chunk_sha256: Annotated[str, Header(pattern=SHA)],
) -> UploadState:
    data = await request.body()
    return await run_in_threadpool(server.upload_chunk, grant, upload_id, offset, data, x_chunk_sha256)


@router.post("/uploads/{upload_id}/finish", response_model=UploadState, responses=ERRORS)
def upload_finish(grant: DeviceDep, server: ServerDep, upload_id: IdPath) -> UploadState:
    return server.upload_finish(grant, upload_id)
