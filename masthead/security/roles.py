"""The newsroom's roles, as Django groups with permissions, and its review workflow.

Applied by migrations (``security/migrations``) so every fresh install has
them, and again by ``manage.py sync_roles`` after an app adds permissions.
Written against a Django ``apps`` registry so it runs inside a migration.

- **Contributor**: writes drafts, edits only their own articles; cannot
  publish or submit for review; uploads pictures and documents.
- **Reporter**: as Contributor, and submits drafts for review.
- **Editor**: reviews (approves or asks for changes), publishes, schedules
  and unpublishes any article; the News Feed, Editors' Picks, newsletters.
- **Admin**: everything an Editor does, plus users and groups, site
  settings, redirects, and reader revenue (donations, campaigns).
"""

from collections.abc import Iterable

# Page permissions on the root page (so on every page of every site).
PAGE_PERMISSIONS = {
    "Contributor": ["add"],
    "Reporter": ["add"],
    "Editor": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
    "Admin": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
# Image and document permissions on the root collection. Wagtail checks
# image permissions on its own Image model (``wagtailimages.*_image``) even
# with a custom image model such as core.NewsImage.
COLLECTION_PERMISSIONS = {
    "Contributor": [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    "Reporter": [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    "Editor": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
}
COLLECTION_PERMISSIONS["Admin"] = [
    *COLLECTION_PERMISSIONS["Editor"],
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
]

NEWSROOM_DESK = [
    "audio.add_pronunciationentry",
    "audio.change_pronunciationentry",
    "audio.delete_pronunciationentry",
    "audio.view_pronunciationentry",
    "audio.view_narration",
    "audio.add_articleaudio",
    "audio.change_articleaudio",
    "audio.view_articleaudio",
    "newsfeed.add_newsitem",
    "newsfeed.change_newsitem",
    "newsfeed.delete_newsitem",
    "articles.change_editorspicks",
    "newsletters.add_newsletterlist",
    "newsletters.change_newsletterlist",
    "newsletters.view_newsletterlist",
    "newsletters.add_issue",
    "newsletters.change_issue",
    "newsletters.delete_issue",
    "newsletters.view_issue",
    "newsletters.add_subscriber",
    "newsletters.change_subscriber",
    "newsletters.delete_subscriber",
    "newsletters.view_subscriber",
]
# Permissions on models (app_label.codename). Admin also gets every
# permission of the apps in ADMIN_APPS. A permission whose app is not
# installed (yet) is skipped; sync_roles adds it later.
MODEL_PERMISSIONS = {
    "Contributor": ["wagtailadmin.access_admin"],
    "Reporter": ["wagtailadmin.access_admin"],
    "Editor": ["wagtailadmin.access_admin", *NEWSROOM_DESK],
    "Admin": [
        "wagtailadmin.access_admin",
        *NEWSROOM_DESK,
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "core.change_newsroomsettings",
        "revenue.change_revenuesettings",
        "discovery.change_discoverysettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailsites.change_site",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    ],
}
ADMIN_APPS = ["newsletters", "revenue", "audio", "newsfeed"]
ROLES = list(PAGE_PERMISSIONS)

WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Editor approval"


def create_all_permissions(apps) -> None:
    """Make sure every model's permissions exist (post_migrate has not run yet in a fresh database)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True  # historical app configs have none
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original


def find_permissions(apps, names: Iterable[str]) -> list:
    Permission = apps.get_model("auth", "Permission")
    found = []
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def apply_roles(apps, schema_editor=None) -> None:
    """Create or update the four roles and the review workflow; idempotent."""
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        groups[role] = group
        names = list(MODEL_PERMISSIONS[role])
        permissions = find_permissions(apps, names)
        if role == "Admin":
            permissions += list(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
        group.permissions.set(permissions)
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).delete()
            for permission in find_permissions(
                apps, [f"wagtailcore.{kind}_page" for kind in PAGE_PERMISSIONS[role]]
            ):
                GroupPagePermission.objects.create(group=group, page=root_page, permission=permission)
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group, collection=root_collection).delete()
            for permission in find_permissions(apps, COLLECTION_PERMISSIONS[role]):
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=permission
                )

    # Wagtail's sample groups ("Moderators", "Editors") would sit beside ours
    # with other rights: removed while nobody is in them.
    for name in ("Moderators", "Editors"):
        Group.objects.filter(name=name, user__isnull=True).delete()

    if root_page is not None:
        set_up_review_workflow(apps, root_page, groups["Editor"], groups["Admin"])


def set_up_review_workflow(apps, root_page, *approvers) -> None:
    """Submit → an Editor approves (publishes) or asks for changes with a comment."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.set(approvers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The root page carries one workflow: ours replaces Wagtail's sample one.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(
        name="Moderators approval", workflow_pages__isnull=True
    ).update(active=False)
