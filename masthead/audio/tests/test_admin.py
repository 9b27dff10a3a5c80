"""Editors in the admin: per-article audio settings, listening before publishing, the dictionary."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from masthead.articles.tests.factories import ArticleFactory, paragraph
from masthead.audio.models import ArticleAudio, Narration, PronunciationEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_article_audio_page_shows_what_readers_hear(client, editor, narrated_article):
    response = client.get(f"/admin/audio/article/{narrated_article.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What readers hear" in html and "Ready" in html
    narration = narrated_article.audio.live_narration
    assert f"/admin/audio/narration/{narration.pk}.opus" in html


def test_editor_listens_to_a_draft_before_publishing_without_changing_what_readers_hear(
    client, editor, narrated_article, django_capture_on_commit_callbacks
):
    live = narrated_article.audio.live_narration
    narrated_article.body = [paragraph("A draft sentence nobody has read yet.")]
    narrated_article.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/audio/article/{narrated_article.pk}/", {"action": "draft"})
    assert response.status_code == 302
    draft = Narration.objects.exclude(pk=live.pk).get(article=narrated_article)
    assert draft.status == Narration.Status.READY
    assert "draft sentence" in draft.script
    assert ArticleAudio.objects.get(article=narrated_article).live_narration == live
    html = client.get(f"/admin/audio/article/{narrated_article.pk}/").content.decode()
    assert f"/admin/audio/narration/{draft.pk}.opus" in html
    file = client.get(f"/admin/audio/narration/{draft.pk}.mp3", HTTP_RANGE="bytes=0-99")
    assert file.status_code == 206
    # Readers cannot fetch the draft's audio.
    assert client.get(f"/audio/{draft.pk}-{draft.key[:16]}.mp3").status_code == 404


def test_turning_narration_off_hides_the_player(client, editor, narrated_article):
    response = client.post(
        f"/admin/audio/article/{narrated_article.pk}/", {"action": "save", "voice": "", "enabled": ""}
    )
    assert response.status_code == 302
    assert ArticleAudio.objects.get(article=narrated_article).enabled is False
    client.logout()
    assert "data-audio-player" not in client.get(narrated_article.url).content.decode()


def test_an_unknown_voice_is_refused_with_a_message(client, editor, narrated_article):
    response = client.post(
        f"/admin/audio/article/{narrated_article.pk}/", {"action": "save", "voice": "nobody", "enabled": "on"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert ArticleAudio.objects.get(article=narrated_article).voice == ""


def test_regenerate_makes_the_narration_again(
    client, editor, narrated_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/audio/article/{narrated_article.pk}/", {"action": "regenerate"})
    audio = ArticleAudio.objects.select_related("live_narration").get(article=narrated_article)
    assert audio.live_narration.status == Narration.Status.READY
    assert audio.live_narration.attempts == 1  # made by the worker, not the shared test files
    assert audio.live_narration.file_path("opus").is_file()


def test_someone_who_cannot_edit_the_article_cannot_see_its_audio(client, narrated_article):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(user)
    assert client.get(f"/admin/audio/article/{narrated_article.pk}/").status_code in (302, 403)


def test_narrations_list_shows_each_status_and_reason(client, editor, narrated_article, section):
    from masthead.audio.narrating import request_narration

    request_narration(ArticleFactory(parent=section, title="Only a video", body=[]))
    html = client.get("/admin/audio/?status=skipped").content.decode()
    assert "Only a video" in html and "no body text" in html
    assert "Bridge to be rebuilt" not in html


def test_article_header_has_an_audio_button(client, editor, narrated_article):
    html = client.get(f"/admin/pages/{narrated_article.pk}/edit/").content.decode()
    assert f"/admin/audio/article/{narrated_article.pk}/" in html


def test_pronunciation_dictionary_is_edited_in_the_admin_and_used_in_the_next_script(client, editor, article):
    response = client.post(
        "/admin/snippets/audio/pronunciationentry/add/", {"written": "Ivra", "spoken": "eev rah", "note": ""}
    )
    assert response.status_code == 302
    assert PronunciationEntry.objects.get(written="Ivra").spoken == "eev rah"
    bad = client.post("/admin/snippets/audio/pronunciationentry/add/", {"written": "!!", "spoken": "12"})
    assert bad.status_code == 200
    from masthead.audio.narrating import script_for

    article.title = "Floods on the Ivra"
    assert "Floods on the eev rah." in script_for(article).text


def test_archive_command_narrates_what_is_missing_and_carries_on_after_a_stop(section):
    articles = [ArticleFactory(parent=section, title=f"Archive story {n}") for n in range(3)]
    out = io.StringIO()
    call_command("narrate_archive", "--limit", "1", stdout=out)
    assert "1 narrated" in out.getvalue()
    assert "[" in out.getvalue() and "/3" in out.getvalue()  # the progress bar
    out = io.StringIO()
    call_command("narrate_archive", stdout=out)
    assert "2 narrated" in out.getvalue() and "1 already narrated" in out.getvalue()
    assert all(ArticleAudio.objects.get(article=a).live_narration.is_ready for a in articles)


def test_regenerate_keeps_the_audio_readers_hear_until_the_new_one_is_made(
    client, editor, narrated_article, django_capture_on_commit_callbacks
):
    before = narrated_article.audio.live_narration
    with django_capture_on_commit_callbacks(execute=False) as worker:
        client.post(f"/admin/audio/article/{narrated_article.pk}/", {"action": "regenerate"})
    assert worker, "the narration was handed to the worker"
    # The worker has not run yet: readers still get the player, the file and the podcast item.
    reader = client_for_readers()
    assert "data-audio-player" in reader.get(narrated_article.url).content.decode()
    assert reader.get(f"/audio/{before.pk}-{before.key[:16]}.mp3").status_code == 200
    assert narrated_article.title in reader.get("/audio/podcast.xml").content.decode()
    html = client.get(f"/admin/audio/article/{narrated_article.pk}/").content.decode()
    assert "Being made again: readers hear the version below" in html

    with django_capture_on_commit_callbacks(execute=True):
        for callback in worker:
            callback()
    after = ArticleAudio.objects.get(article=narrated_article).live_narration
    assert after.pk == before.pk and after.status == Narration.Status.READY
    assert after.opus_file != before.opus_file  # new files, the old ones removed
    assert not (before.file_path("opus")).exists()


def client_for_readers():
    from django.test import Client

    return Client()


def test_a_contributor_may_listen_to_a_draft_but_not_change_what_readers_hear(
    client, narrated_article, django_capture_on_commit_callbacks
):
    contributor = get_user_model().objects.create_user("kateryna", "kateryna@example.org", "pw")
    contributor.groups.add(Group.objects.get(name="Contributor"))
    client.force_login(contributor)
    # Wagtail lets a contributor edit a page they own.
    narrated_article.owner = contributor
    narrated_article.save(update_fields=["owner"])
    url = f"/admin/audio/article/{narrated_article.pk}/"

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "An editor decides what readers hear" in html
    assert 'value="regenerate"' not in html and 'value="save"' not in html

    for data in ({"action": "save", "voice": "", "enabled": ""}, {"action": "regenerate"}):
        refused = client.post(url, data)  # Wagtail answers a refusal with its admin home
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
    audio = ArticleAudio.objects.get(article=narrated_article)
    assert audio.enabled is True and audio.live_narration.status == Narration.Status.READY

    narrated_article.body = [paragraph("A draft the contributor wants to hear.")]
    narrated_article.save_revision(user=contributor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "draft"}).status_code == 302
    assert Narration.objects.filter(article=narrated_article, script__contains="contributor wants").exists()
    # The list of every article's narrations (and drafts) is the desk's, not theirs.
    assert client.get("/admin/audio/")["Location"] == "/admin/"
    assert "/admin/audio/" not in client.get("/admin/").content.decode()


def test_narrating_a_draft_that_reads_as_published_says_so(client, editor, narrated_article):
    response = client.post(f"/admin/audio/article/{narrated_article.pk}/", {"action": "draft"}, follow=True)
    assert "The draft reads the same as the published article" in response.content.decode()
