"""Create the demo newsroom: sections, authors, articles, pictures and picks.

Idempotent: whatever already exists (matched by slug) is left as it is, so
running it twice changes nothing.
"""

import secrets
import zlib
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site
from wagtail.users.models import UserProfile

from masthead.articles.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    Correction,
    EditorsPick,
    EditorsPicks,
    SectionPage,
)
from masthead.core.files import write_private_file
from masthead.core.models import NewsImage, NewsroomSettings
from masthead.core.tasks import warm_pages
from masthead.demo import content
from masthead.demo.images import draw_portrait, draw_scene
from masthead.newsfeed.models import NewsItem
from masthead.newsletters.models import NewsletterList
from masthead.revenue.models import Campaign

ADMIN_USERNAME = "admin"


def seed(text: str) -> int:
    return zlib.crc32(text.encode())


def demo_image(title: str, data: bytes, credit: str = "", description: str = "") -> NewsImage:
    image = NewsImage.objects.filter(title=title).first()
    if image is None:
        filename = f"{title.lower().replace(' ', '-')[:60]}.jpg"
        file = ImageFile(BytesIO(data), name=filename)
        image = NewsImage(title=title, credit=credit, description=description, file=file)
        image.save()
    return image


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent) and make sure an admin login exists."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            created = self.load()
        self.stdout.write(f"Demo newsroom ready ({created} articles created).")
        if created:
            warm_pages.enqueue()  # the worker renders every page once, making picture sizes
        username, password = self.ensure_admin()
        if password:
            self.stdout.write(f"Admin login: {username} / {password}")

    def ensure_admin(self) -> tuple[str, str | None]:
        """Create the demo admin once; keep its password in var/ to print again."""
        password_file = settings.VAR_DIR / "admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            password = secrets.token_urlsafe(12)
            admin = User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
            write_private_file(password_file, password + "\n")
            profile = UserProfile.get_for_user(admin)
            profile.current_time_zone = content.NEWSROOM["time_zone"]
            profile.save()
        if password_file.exists():
            return ADMIN_USERNAME, password_file.read_text().strip()
        return ADMIN_USERNAME, None

    def load(self) -> int:
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not NewsroomSettings.objects.filter(site=site).exists():
            NewsroomSettings.objects.create(site=site, **content.NEWSROOM)
            site.site_name = content.NEWSROOM["name"]
            site.save()

        sections = {}
        for data in content.SECTIONS:
            section = SectionPage.objects.child_of(home).filter(slug=data["slug"]).first()
            if section is None:
                section = home.add_child(
                    instance=SectionPage(
                        title=data["title"], slug=data["slug"], intro=data["intro"], show_in_menus=True
                    )
                )
            sections[data["slug"]] = section

        author_index = AuthorIndexPage.objects.child_of(home).first()
        if author_index is None:
            author_index = home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        authors = {}
        for data in content.AUTHORS:
            author = AuthorPage.objects.child_of(author_index).filter(slug=data["slug"]).first()
            if author is None:
                photo = demo_image(
                    f"Portrait of {data['name']}",
                    draw_portrait(data["name"], seed(data["slug"])),
                    description=f"Portrait of {data['name']}",
                )
                author = author_index.add_child(
                    instance=AuthorPage(
                        title=data["name"],
                        slug=data["slug"],
                        role=data["role"],
                        bio=f"<p>{data['bio']}</p>",
                        photo=photo,
                    )
                )
            authors[data["slug"]] = author

        # Pass one: every article exists, so "Read also" blocks can point at any of them.
        pages, new = {}, []
        for data in content.ARTICLES:
            section = sections[data["section"]]
            page = ArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
            if page is None:
                page = section.add_child(
                    instance=ArticlePage(title=data["title"], slug=data["slug"], live=False, body=[])
                )
                new.append(data)
            pages[data["slug"]] = page

        now = timezone.now().replace(second=0, microsecond=0)
        for data in new:
            self.write_article(pages[data["slug"]], data, pages, authors, now)

        if not NewsItem.objects.exists():
            for data in content.NEWS_FEED:
                NewsItem.objects.create(
                    text=data["text"],
                    article=pages.get(data.get("article", "")),
                    posted_at=now - timedelta(minutes=data["minutes_ago"]),
                )

        picks = EditorsPicks.for_site(site)
        if not picks.picks.exists():
            for order, slug in enumerate(content.EDITORS_PICKS):
                EditorsPick.objects.create(setting=picks, article=pages[slug], sort_order=order)

        for data in content.NEWSLETTER_LISTS:
            NewsletterList.objects.get_or_create(slug=data["slug"], defaults=data)

        for data in content.CAMPAIGNS:
            fields = {k: v for k, v in data.items() if k not in ("started_days_ago", "runs_days")}
            starts = now - timedelta(days=data["started_days_ago"])
            fields.update(starts_at=starts, ends_at=starts + timedelta(days=data["runs_days"]))
            Campaign.objects.get_or_create(slug=data["slug"], defaults=fields)
        return len(new)

    def write_article(self, page: ArticlePage, data: dict, pages: dict, authors: dict, now) -> None:
        page.standfirst = data["standfirst"]
        if data["hero"]:
            hero = data["hero"]
            page.hero_image = demo_image(
                f"{data['title']} (picture)",
                draw_scene(hero["motif"], seed(data["slug"])),
                hero["credit"],
                description=hero["caption"],
            )
            page.hero_caption = hero["caption"]
        body = []
        for index, (kind, value) in enumerate(data["body"]):
            if kind == "read_also":
                value = {"article": pages[value].pk, "label": ""}
            elif kind == "quote":
                value = {"text": value["text"], "attribution": value["attribution"]}
            elif kind == "image":
                picture = demo_image(
                    f"{data['title']} (picture {index})",
                    draw_scene(value["motif"], seed(f"{data['slug']}-{index}")),
                    value["credit"],
                    description=value["caption"],
                )
                value = {"image": picture.pk, "caption": value["caption"], "credit": ""}
            body.append({"type": kind, "value": value})
        page.body = body
        page.article_authors = [
            ArticleAuthor(author=authors[slug], sort_order=i) for i, slug in enumerate(data["authors"])
        ]
        published = now - timedelta(hours=data["hours_ago"])
        page.corrections = [
            Correction(
                kind=note["kind"],
                text=note["text"],
                noted_at=published + timedelta(hours=note["hours_after"]),
            )
            for note in data["corrections"]
        ]
        page.tags.set(data["tags"])
        page.save_revision().publish()
        updated = published + timedelta(hours=data["updated_hours_after"] or 0)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=updated, latest_revision_created_at=updated
        )
