from django.urls import path

from . import feeds, stream, views

app_name = "newsfeed"

urlpatterns = [
    path("", views.feed_page, name="index"),
    path("<int:year>/<int:month>/<int:day>/", views.day_page, name="day"),
    path("<int:pk>/", views.item_page, name="item"),
    path("rss.xml", feeds.NewsFeedRss(), name="rss"),
    path("atom.xml", feeds.NewsFeedAtom(), name="atom"),
    path("feed.json", feeds.json_feed, name="json"),
    path("stream/", stream.stream, name="stream"),
]
