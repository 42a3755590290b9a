#!/usr/bin/env python3
"""Drives the team server's pages in headless Chromium, as a person would (PortalBrowserTests).

Usage: portal-browser.py BASE HOLDER_LINK HOLDER_EMAIL EDITOR_LINK EDITOR_EMAIL PASSWORD OUT

Sets each user's password through their one-time link, signs in through the form, opens the
holder's portal (and asks for one exit value) and the editor's overview, saves a screenshot of
each page in OUT, and prints what each page showed as one JSON object. Needs selenium (PyPI)
and Debian's chromium and chromium-driver; CHROMIUM and CHROMEDRIVER override their paths.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main():
    base, holder_link, holder_email, editor_link, editor_email, password, out = sys.argv[1:8]
    os.makedirs(out, exist_ok=True)
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(argument)
    # The driver's path is given, so selenium never tries to download one.
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    seen = {}

    def page(name):
        driver.save_screenshot(os.path.join(out, name + ".png"))
        seen[name] = {"url": driver.current_url,
                      "text": driver.find_element(By.TAG_NAME, "body").text}

    def set_password(link, name):
        driver.get(link)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.ID, "confirm").send_keys(password)
        driver.find_element(By.ID, "set-password").click()
        page(name)

    def sign_in(email, name):
        driver.get(base + "/sign-in")
        driver.find_element(By.ID, "email").send_keys(email)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.ID, "sign-in").click()
        page(name)

    try:
        set_password(holder_link, "01-holder-password-set")
        sign_in(holder_email, "02-holder-home")
        driver.find_element(By.LINK_TEXT, "Your holdings and vesting").click()
        page("03-holder-portal")
        driver.find_element(By.ID, "exit1").send_keys("50M")
        driver.find_element(By.CSS_SELECTOR, "main form button").click()
        page("04-holder-portal-exit")
        driver.get(base + "/web/companies/acme-ai")
        page("05-holder-overview-refused")
        driver.get(base + "/")
        driver.find_element(By.CSS_SELECTOR, "header form button").click()
        page("06-holder-signed-out")
        set_password(editor_link, "07-editor-password-set")
        sign_in(editor_email, "08-editor-home")
        driver.find_element(By.LINK_TEXT, "Overview").click()
        page("09-editor-overview")
    finally:
        driver.quit()
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
