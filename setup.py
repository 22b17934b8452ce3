"Package metadata comes from settings.ini (nbdev's single place for it)."
from configparser import ConfigParser
from packaging.version import Version
import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]
assert Version(cfg["version"]), "settings.ini: version is not a valid version"

def reqs(key): return cfg.get(key, "").split()

licenses = {"mit": ("MIT License", "OSI Approved :: MIT License")}
statuses = ["1 - Planning", "2 - Pre-Alpha", "3 - Alpha", "4 - Beta", "5 - Production/Stable", "6 - Mature", "7 - Inactive"]
lic = licenses[cfg["license"].lower()]

setuptools.setup(
    name=cfg["repo"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=open("README.md", encoding="utf-8").read() if __import__("os").path.exists("README.md") else "",
    long_description_content_type="text/markdown",
    author=cfg["author"],
    author_email=cfg["author_email"],
    license=lic[0],
    url=cfg["git_url"],
    keywords=cfg["keywords"],
    classifiers=[f"Development Status :: {statuses[int(cfg['status'])]}", f"License :: {lic[1]}",
                 f"Intended Audience :: {cfg['audience'].title()}", f"Natural Language :: {cfg['language'].title()}",
                 "Programming Language :: Python :: 3"],
    python_requires=f">={cfg['min_python']}",
    packages=setuptools.find_packages(include=[cfg["lib_name"], cfg["lib_name"] + ".*"]),
    include_package_data=True,
    install_requires=reqs("requirements"),
    extras_require={"train": reqs("train_requirements"), "dev": reqs("dev_requirements"),
                    "gguf": reqs("gguf_requirements"), "retrieval": reqs("retrieval_requirements")},
    entry_points={"console_scripts": cfg.get("console_scripts", "").split(),
                  "nbdev": [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    zip_safe=False,
)
