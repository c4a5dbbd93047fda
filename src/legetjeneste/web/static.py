"""Static files: our own CSS from the package, Designsystemet and htmx from node_modules (npm, at set-up)."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from legetjeneste.errors import NotFound
from legetjeneste.settings import get_settings

OWN = Path(__file__).parent / "static"
VENDOR = {
    "designsystemet.css": ("@digdir/designsystemet-css/dist/src/index.css", "text/css"),
    "designsystemet-theme.css": ("@digdir/designsystemet-css/dist/theme/designsystemet.css", "text/css"),
    "htmx.min.js": ("htmx.org/dist/htmx.min.js", "text/javascript"),
}
CACHE = {"Cache-Control": "public, max-age=3600"}

router = APIRouter(include_in_schema=False)


def missing_assets() -> list[str]:
    root = get_settings().assets_dir
    return [path for path, _ in VENDOR.values() if not (root / path).is_file()]


@router.get("/static/app.css")
def app_css() -> FileResponse:
    return FileResponse(OWN / "app.css", media_type="text/css", headers=CACHE)


@router.get("/static/app.js")
def app_js() -> FileResponse:
    return FileResponse(OWN / "app.js", media_type="text/javascript", headers=CACHE)


@router.get("/static/vendor/{name}")
def vendor(name: str) -> FileResponse:
    if name not in VENDOR:
        raise NotFound("Filen finnes ikke.")
    path, media_type = VENDOR[name]
    file = get_settings().assets_dir / path
    if not file.is_file():
        raise NotFound(f"{name} er ikke installert; kjør «npm ci» (gjøres av «make run»).")
    return FileResponse(file, media_type=media_type, headers=CACHE)
