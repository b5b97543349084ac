"""What the spider hands the pipelines: one ad as found on a page."""

import scrapy


class AdItem(scrapy.Item):
    """`body_html` is raw; the normalise pipeline turns it into `text` and then drops it."""

    source = scrapy.Field()
    url = scrapy.Field()
    id = scrapy.Field()
    title = scrapy.Field()
    body_html = scrapy.Field()
    text = scrapy.Field()
    lang = scrapy.Field()
    location = scrapy.Field()
    posted_at = scrapy.Field()
    contacts = scrapy.Field()
    fetched_at = scrapy.Field()
    content_hash = scrapy.Field()
    duplicate_of = scrapy.Field()
