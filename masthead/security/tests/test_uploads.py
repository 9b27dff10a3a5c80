"""Uploaded pictures are checked for type, size and dimensions; SVG (which can carry scripts) is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from masthead.core.models import NewsImage


def png(size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin_client, name: str, content: bytes, content_type: str):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


@pytest.mark.django_db
def test_a_real_picture_is_accepted(admin_client):
    response = upload(admin_client, "tram.png", png(), "image/png")
    assert response.status_code == 302
    assert NewsImage.objects.filter(title="Upload").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("page.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("tram.jpg", png(), "image/jpeg"),  # a PNG pretending to be a JPEG
        ("script.html", b"<script>alert(1)</script>", "text/html"),
    ],
)
def test_anything_else_is_refused_with_a_message_and_nothing_stored(
    admin_client, name, content, content_type
):
    response = upload(admin_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["file"]
    assert not NewsImage.objects.exists()


@pytest.mark.django_db
def test_pictures_with_too_many_pixels_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = upload(admin_client, "huge.png", png((200, 200)), "image/png")
    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])
    assert not NewsImage.objects.exists()


@pytest.mark.django_db
def test_oversized_files_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload(admin_client, "big.png", png((400, 400)), "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not NewsImage.objects.exists()
